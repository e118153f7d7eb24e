import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/widgets/sign-in/dorf-sign-in.js';
import '../src/widgets/booking-calendar/dorf-booking-calendar.js';
import type { DorfParameters } from '../.storybook/dorf-decorator.js';
import { createLocalBackend } from '../src/data/adapters/local/index.js';
import { BackendError, forbidden, type Backend } from '../src/data/backend.js';
import type { Change, Credentials, Member, Session } from '../src/data/schema/index.js';

const admin: Member = { id: 'gemeindeverwaltung', displayName: 'Gemeindeverwaltung Musterdorf', roles: ['member', 'moderator', 'admin'] };
const moderator: Member = { id: 'mia-moderatorin', displayName: 'Mia Moderatorin', roles: ['member', 'moderator'] };

const dorf = (parameters: DorfParameters) => ({ dorf: parameters });

/** The password and code the scripted server of these stories accepts. */
const PASSWORD = 'richtig';
const CODE = '123456';

interface Script {
  /** The account has a one-time code. */
  totp?: boolean;
  /** Every attempt is refused with this (locked, slow down, unreachable). */
  refuse?: () => BackendError;
  /** Never answers the session (loading). */
  hang?: boolean;
  member?: Member;
}

/**
 * The local backend with a session that answers like the reference server (password, one-time
 * code, refusals), so the stories show every state without a server.
 */
function scripted(script: Script) {
  return async () => {
    const community = 'musterdorf';
    const local = createLocalBackend({ community, dbName: `dorf-story-sign-in-${Date.now()}-${Math.random()}`, identity: { member: null } });
    const member = script.member ?? admin;
    let signedIn = false;
    const listeners = new Set<(change: Change) => void>();
    const changed = () => {
      const change: Change = { topic: 'session', kind: 'updated', entity: 'session', id: 'session', at: new Date().toISOString() };
      for (const listener of [...listeners]) listener(change);
    };
    const now = (): Session => ({ community, member: signedIn ? member : null });
    const session: Backend['session'] = {
      current: () => (script.hang ? new Promise(() => {}) : Promise.resolve(now())),
      async signIn(credentials: Credentials) {
        await new Promise((r) => setTimeout(r, 150));
        if (script.refuse) throw script.refuse();
        if (credentials.password !== PASSWORD) throw forbidden('session.badCredentials');
        if (script.totp && !credentials.code) throw forbidden('session.totpRequired');
        if (script.totp && credentials.code !== CODE) throw forbidden('session.totpInvalid');
        signedIn = true;
        changed();
        return now();
      },
      useToken: async () => now(),
      async signOut() {
        signedIn = false;
        changed();
        return now();
      },
      updateProfile: (input) => local.session.updateProfile(input),
    };
    const backend: Backend = {
      community, session, files: local.files, feed: local.feed, bookings: local.bookings, lostFound: local.lostFound,
      learning: local.learning, badges: local.badges, seed: (d) => local.seed(d), close: () => local.close(),
      subscribe(topic, listener) {
        if (topic !== 'session') return local.subscribe(topic, listener);
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    return { dorfBackend: backend };
  };
}

type Canvas = { canvasElement: HTMLElement };

/** Types into the form and sends it, as a person would; `code` for the second step. */
function attempt(values: { username?: string; password?: string; code?: string }, then?: { code: string }) {
  return async ({ canvasElement }: Canvas) => {
    const el = canvasElement.querySelector('dorf-sign-in')!;
    const wait = async (selector: string) => {
      for (let i = 0; i < 200 && !el.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 25));
      return el.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
    };
    const fill = async (id: string, value: string) => {
      const input = await wait(`#${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    if (values.username !== undefined) await fill('si-username', values.username);
    if (values.password !== undefined) await fill('si-password', values.password);
    if (values.code !== undefined) await fill('si-code', values.code);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    (await wait('#si-submit')).click();
    if (then) {
      await fill('si-code', then.code);
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      (await wait('#si-submit')).click();
    }
  };
}

/**
 * `<dorf-sign-in>`: moderators and admins sign in with a password (and a one-time code where
 * their account has one); every widget under the same `<dorf-provider>` then shows its admin view.
 * In these stories a scripted server accepts the password `richtig` and the code `123456`.
 */
const meta: Meta = {
  title: 'Widgets/dorf-sign-in',
  component: 'dorf-sign-in',
  parameters: dorf({ sample: null }),
  render: () => html`<dorf-sign-in></dorf-sign-in>`,
};
export default meta;

type Story = StoryObj;

/** What a moderator sees first: username and password. */
export const SignedOut: Story = { loaders: [scripted({})] };

/** The password was right; the account asks for the six-digit code from an authenticator app. */
export const TotpStep: Story = { loaders: [scripted({ totp: true, member: moderator })], play: attempt({ username: 'mia', password: PASSWORD }) };

/** A wrong code: the message, and the code kept to correct. */
export const CodeInvalid: Story = {
  loaders: [scripted({ totp: true, member: moderator })],
  play: attempt({ username: 'mia', password: PASSWORD }, { code: '654321' }),
};

/** A wrong password: the username stays, the password is emptied. */
export const WrongPassword: Story = { loaders: [scripted({})], play: attempt({ username: 'verwaltung', password: 'falsch' }) };

/** Empty fields: messages at the fields, nothing sent. */
export const MissingFields: Story = { loaders: [scripted({})], play: attempt({ username: '', password: '' }) };

/** Too many failures: the account is locked, with the wait in words. */
export const Locked: Story = {
  loaders: [scripted({ refuse: () => new BackendError('rate-limited', 'locked', { retryAfter: 300, issues: [{ path: '', code: 'session.locked', params: { seconds: 300 } }] }) })],
  play: attempt({ username: 'verwaltung', password: PASSWORD }),
};

/** Too many failures from this device: wait a few seconds. */
export const SlowDown: Story = {
  loaders: [scripted({ refuse: () => new BackendError('rate-limited', 'slow', { retryAfter: 8, issues: [{ path: '', code: 'session.slowDown', params: { seconds: 8 } }] }) })],
  play: attempt({ username: 'verwaltung', password: PASSWORD }),
};

/** The server cannot be reached: everything typed is kept. */
export const Unreachable: Story = {
  loaders: [scripted({ refuse: () => new BackendError('unavailable', 'Network error') })],
  play: attempt({ username: 'verwaltung', password: PASSWORD }),
};

/** Signed in: the name and role, and the sign-out button. */
export const SignedIn: Story = {
  loaders: [scripted({})],
  play: attempt({ username: 'verwaltung', password: PASSWORD }),
};

/**
 * One provider, one session: an admin is signed in (here the local sample's fixed admin), so the
 * booking calendar beside the sign-in shows the requests waiting for a decision.
 */
export const WithCalendar: Story = {
  parameters: dorf({ sample: 'municipality', identity: { member: admin } }),
  render: () => html`<dorf-sign-in></dorf-sign-in>
    <dorf-booking-calendar resource="grillhuette" view="list" style="margin-top: 1rem"></dorf-booking-calendar>`,
};

/** The `local` backend has no passwords: the element explains that sign-in needs a server. */
export const LocalBackend: Story = {
  parameters: dorf({ sample: 'municipality' }),
  play: attempt({ username: 'verwaltung', password: 'geheim' }),
};

export const Loading: Story = { loaders: [scripted({ hang: true })] };

export const Dark: Story = { globals: { theme: 'dark' }, loaders: [scripted({})], play: attempt({ username: 'verwaltung', password: 'falsch' }) };

export const English: Story = { globals: { locale: 'en' }, loaders: [scripted({ totp: true })], play: attempt({ username: 'admin', password: PASSWORD }) };

export const Deutsch: Story = { globals: { locale: 'de' }, loaders: [scripted({})] };
