import { createContext } from '@lit/context';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import '../../src/core/provider.js';
// Field issues' words come with the widgets' forms (lazily); this test renders them directly.
import '../../src/i18n/fields.js';
import { DorfElement, define } from '../../src/core/dorf-element.js';
import { DorfProvider } from '../../src/core/provider.element.js';
import { environmentContext, type DorfEnvironment } from '../../src/core/context.js';
import { registerMessages } from '../../src/core/localize.js';
import { TOKENS } from '../../src/core/tokens.js';
import { BackendError, type Backend } from '../../src/data/backend.js';
import type { Change, Session } from '../../src/data/schema/common.js';

declare global {
  interface DorfEventMap {
    'dorf-test-ping': { value: number };
  }
}

/** A minimal widget that shows what it received from context. */
class ProbeElement extends DorfElement {
  get env(): DorfEnvironment | undefined {
    return this.environment;
  }
  get messages() {
    return this.localize;
  }
  ping(value: number) {
    return this.emit('dorf-test-ping', { value }, { cancelable: true });
  }
  protected override render() {
    return litHtml`<p part="base">${this.localize.t.common.loading}</p>`;
  }
}
define('dorf-test-probe', ProbeElement);

/** Just enough of a backend for the provider: a session and the session topic. */
function fakeBackend(community: string, session: Session): Backend & { emitSession(): void; closed: boolean } {
  const listeners = new Set<(c: Change) => void>();
  let current = session;
  const fake = {
    community,
    closed: false,
    session: {
      current: async () => current,
      updateProfile: async (input: { displayName: string }) => {
        current = { ...current, member: { id: 'm1', displayName: input.displayName, roles: ['member'] } };
        return current.member!;
      },
    },
    subscribe: (topic: string, listener: (c: Change) => void) => {
      if (topic === 'session') listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emitSession() {
      for (const l of listeners) l({ topic: 'session', kind: 'updated', entity: 'session', id: 'm1', at: new Date().toISOString() });
    },
    close() {
      fake.closed = true;
    },
  };
  return fake as unknown as Backend & { emitSession(): void; closed: boolean };
}

const until = async (predicate: () => boolean, timeout = 3000) => {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('<dorf-provider> and the base element', () => {
  it('hands its adapter, community, locale, time zone and session to widgets inside', async () => {
    const backend = fakeBackend('musterdorf', { community: 'musterdorf', member: null });
    const provider = await fixture<DorfProvider>(html`
      <dorf-provider .adapter=${backend} lang="de" time-zone="Europe/Vienna" theme="dark">
        <div><dorf-test-probe></dorf-test-probe></div>
      </dorf-provider>
    `);
    const probe = provider.querySelector('dorf-test-probe') as ProbeElement;
    await until(() => probe.env?.session !== null && probe.env?.session !== undefined);
    expect(probe.env?.backend).to.equal(backend);
    expect(probe.env?.community).to.equal('musterdorf');
    expect(probe.env?.timeZone).to.equal('Europe/Vienna');
    expect(probe.messages.lang).to.equal('de');
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('Wird geladen');
    expect(getComputedStyle(probe).colorScheme).to.equal('dark');
  });

  it('follows session changes announced by the backend', async () => {
    const backend = fakeBackend('musterdorf', { community: 'musterdorf', member: null });
    const provider = await fixture<DorfProvider>(html`<dorf-provider .adapter=${backend}><dorf-test-probe></dorf-test-probe></dorf-provider>`);
    const probe = provider.querySelector('dorf-test-probe') as ProbeElement;
    await until(() => probe.env?.session !== null);
    expect(probe.env?.session?.member).to.equal(null);
    await backend.session.updateProfile({ displayName: 'Anna' });
    backend.emitSession();
    await until(() => probe.env?.session?.member?.displayName === 'Anna');
  });

  it('reports an unknown backend as unavailable instead of failing silently', async () => {
    const provider = await fixture<DorfProvider>(html`<dorf-provider backend="gopher://nowhere"><dorf-test-probe></dorf-test-probe></dorf-provider>`);
    const probe = provider.querySelector('dorf-test-probe') as ProbeElement;
    expect(probe.env?.backend).to.equal(null);
    expect(probe.env?.error).to.be.instanceOf(BackendError);
    expect(probe.env?.error?.code).to.equal('unavailable');
  });

  it('closes a backend it created when removed, but never an adapter it was given', async () => {
    const given = fakeBackend('a', { community: 'a', member: null });
    const provider = await fixture<DorfProvider>(html`<dorf-provider .adapter=${given}></dorf-provider>`);
    provider.remove();
    expect(given.closed).to.equal(false);
  });

  it('serves a bare widget from the page-wide default provider', async () => {
    const probe = await fixture<ProbeElement>(html`<dorf-test-probe></dorf-test-probe>`);
    expect(probe.env).to.not.equal(undefined);
    expect(probe.env?.community).to.equal('default');
    expect(probe.env?.backend).to.not.equal(null);
    await until(() => probe.env?.session !== null);
  });

  it('hands a widget over to a provider that is upgraded after the widget', async () => {
    const backend = fakeBackend('late', { community: 'late', member: null });
    const wrapper = await fixture<HTMLDivElement>(html`<div><dorf-late-provider><dorf-test-probe></dorf-test-probe></dorf-late-provider></div>`);
    const probe = wrapper.querySelector('dorf-test-probe') as ProbeElement;
    expect(probe.env?.community).to.equal('default');
    const late = wrapper.querySelector('dorf-late-provider')!;
    (late as DorfProvider).adapter = backend;
    customElements.define('dorf-late-provider', class extends DorfProvider {});
    await until(() => probe.env?.community === 'late');
  });

  it('uses context keys that match across separately bundled copies', () => {
    const otherCopy = createContext(Symbol.for('dorfplatz/environment@1'));
    expect(otherCopy).to.equal(environmentContext);
  });

  it('tolerates a second registration of the same element name', () => {
    expect(() => define('dorf-provider', class extends DorfProvider {})).not.to.throw();
    expect(customElements.get('dorf-provider')).to.equal(DorfProvider);
  });

  it('emits typed dorf-* events that bubble out of shadow roots and can be cancelled', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><dorf-test-probe></dorf-test-probe></div>`);
    const probe = host.querySelector('dorf-test-probe') as ProbeElement;
    setTimeout(() => probe.ping(42));
    const event = await oneEvent(host, 'dorf-test-ping');
    expect(event.detail.value).to.equal(42);
    expect(event.composed).to.equal(true);
    host.addEventListener('dorf-test-ping', (e) => e.preventDefault(), { once: true });
    expect(probe.ping(1)).to.equal(false);
  });
});

describe('localization', () => {
  it('takes the locale from the element, then the provider, then <html lang>', async () => {
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'de';
      const bare = await fixture<ProbeElement>(html`<dorf-test-probe></dorf-test-probe>`);
      expect(bare.messages.lang).to.equal('de');
      const own = await fixture<ProbeElement>(html`<dorf-test-probe lang="en"></dorf-test-probe>`);
      expect(own.shadowRoot!.textContent).to.contain('Loading');
      document.documentElement.lang = 'en';
      await until(() => bare.shadowRoot!.textContent!.includes('Loading'));
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('falls back to English for unknown locales and for messages a partial catalogue lacks', async () => {
    const probe = await fixture<ProbeElement>(html`<dorf-test-probe lang="fr"></dorf-test-probe>`);
    expect(probe.messages.t.common.loading).to.equal('Loading…');
    registerMessages('fr', { common: { loading: 'Chargement…' } });
    expect(probe.messages.t.common.loading).to.equal('Chargement…');
    expect(probe.messages.t.common.retry).to.equal('Try again');
  });

  it('turns field issues and backend errors into sentences in both languages', async () => {
    const de = await fixture<ProbeElement>(html`<dorf-test-probe lang="de"></dorf-test-probe>`);
    const en = await fixture<ProbeElement>(html`<dorf-test-probe lang="en"></dorf-test-probe>`);
    expect(de.messages.issue({ path: 'title', code: 'tooLong', params: { max: 1400 } })).to.equal('Bitte kürzen Sie auf höchstens 1.400 Zeichen.');
    expect(en.messages.issue({ path: 'title', code: 'tooLong', params: { max: 1400 } })).to.equal('Please shorten this to 1,400 characters at most.');
    expect(de.messages.issue({ path: 'x', code: 'no.such.code' })).to.equal('Bitte prüfen Sie diese Angabe.');
    expect(en.messages.error(new BackendError('rate-limited', 'x', { retryAfter: 90 }))).to.contain('1 minute');
    expect(de.messages.error(new BackendError('forbidden', 'session.profileRequired'))).to.equal('Bitte wählen Sie zuerst den Namen, den andere sehen.');
    expect(de.messages.error(new BackendError('forbidden', 'no.words.for.this'))).to.equal('Dafür fehlt Ihnen die Berechtigung.');
    expect(de.messages.issue({ path: 'photo', code: 'file.tooLarge', params: { max: 2 * 1024 * 1024 } })).to.contain('2 MB');
  });

  it('has a German message for every English one, of the same kind', () => {
    const walk = (a: Record<string, unknown>, b: Record<string, unknown>, path: string) => {
      for (const key of Object.keys(a)) {
        expect(b, `${path}${key}`).to.have.property(key);
        if (typeof a[key] === 'object') walk(a[key] as Record<string, unknown>, b[key] as Record<string, unknown>, `${path}${key}.`);
        else expect(typeof b[key], `${path}${key}`).to.equal(typeof a[key]);
      }
    };
    return Promise.all([import('../../src/i18n/en.js'), import('../../src/i18n/de.js')]).then(([{ en }, { de }]) => {
      walk(en, de as unknown as Record<string, unknown>, '');
      walk(de as unknown as Record<string, unknown>, en, '');
    });
  });
});

describe('message sections', () => {
  it('registers a domain\'s field messages when its section is imported, in both languages', async () => {
    const { bookingMessages } = await import('../../src/i18n/booking.js');
    const de = await fixture<ProbeElement>(html`<dorf-test-probe lang="de"></dorf-test-probe>`);
    const en = await fixture<ProbeElement>(html`<dorf-test-probe lang="en"></dorf-test-probe>`);
    expect(de.messages.issue({ path: 'start', code: 'booking.leadTime', params: { minutes: 2880 } })).to.equal('Bitte buchen Sie mindestens 2 Tage im Voraus.');
    expect(en.messages.issue({ path: 'end', code: 'booking.tooLong', params: { max: 3, unit: 'days' } })).to.equal('The maximum booking is 3 days.');
    expect(en.messages.issue({ path: 'end', code: 'booking.tooShort', params: { min: 120, unit: 'minutes' } })).to.equal('The minimum booking is 2 hours.');
    expect(de.messages.of(bookingMessages).issues['booking.closed']).to.equal('Das liegt außerhalb der Öffnungszeiten.');
  });

  it('gives every section a German message for each English one, of the same kind', async () => {
    const sections = await Promise.all([
      import('../../src/i18n/booking.js').then((m) => m.bookingMessages),
      import('../../src/i18n/lost-found.js').then((m) => m.lostFoundMessages),
      import('../../src/i18n/learning.js').then((m) => m.learningMessages),
    ]);
    const walk = (a: Record<string, unknown>, b: Record<string, unknown>, path: string) => {
      for (const key of Object.keys(a)) {
        expect(b, `${path}${key}`).to.have.property(key);
        if (typeof a[key] === 'object') walk(a[key] as Record<string, unknown>, b[key] as Record<string, unknown>, `${path}${key}.`);
        else expect(typeof b[key], `${path}${key}`).to.equal(typeof a[key]);
      }
    };
    for (const section of sections) {
      const en = section.byLanguage.get('en') as Record<string, unknown>;
      const de = section.byLanguage.get('de') as Record<string, unknown>;
      walk(en, de, `${section.name}:`);
      walk(de, en, `${section.name}:`);
    }
  });

  it('falls back to English per message for a language added partially', async () => {
    const { extendMessages } = await import('../../src/core/localize.js');
    const { lostFoundMessages } = await import('../../src/i18n/lost-found.js');
    extendMessages(lostFoundMessages, 'nl', { issues: { 'lostFound.futureDate': 'De datum mag niet in de toekomst liggen.' } });
    const nl = await fixture<ProbeElement>(html`<dorf-test-probe lang="nl"></dorf-test-probe>`);
    expect(nl.messages.issue({ path: 'date', code: 'lostFound.futureDate' })).to.equal('De datum mag niet in de toekomst liggen.');
    expect(nl.messages.issue({ path: 'animal', code: 'lostFound.animalDetails' })).to.equal('Please describe the animal (at least the species).');
  });
});

describe('design tokens', () => {
  it('inherits the page font unless --dorf-font-family is set', async () => {
    const host = await fixture<HTMLDivElement>(html`
      <div style="font-family: 'Courier New', monospace">
        <dorf-test-probe></dorf-test-probe>
        <dorf-test-probe style="--dorf-font-family: Georgia, serif"></dorf-test-probe>
      </div>
    `);
    const [inherited, themed] = [...host.querySelectorAll('dorf-test-probe')];
    expect(getComputedStyle(inherited!).fontFamily).to.equal('"Courier New", monospace');
    expect(getComputedStyle(themed!).fontFamily).to.equal('Georgia, serif');
  });

  it('defines every token with a working default and lets designers override it from outside', async () => {
    const host = await fixture<HTMLDivElement>(html`
      <div style="--dorf-color-accent: rgb(1, 2, 3)">
        <dorf-test-probe theme="light"></dorf-test-probe>
        <dorf-test-probe theme="dark" id="dark"></dorf-test-probe>
      </div>
    `);
    const [light, dark] = [...host.querySelectorAll('dorf-test-probe')];
    for (const [name, token] of Object.entries(TOKENS)) {
      if (token.value === 'inherit') continue;
      expect(getComputedStyle(light!).getPropertyValue(`--_${name}`).trim(), name).to.not.equal('');
    }
    expect(getComputedStyle(light!).getPropertyValue('--_color-accent').trim()).to.equal('rgb(1, 2, 3)');
    // Resolved colours differ between themes for tokens with a light and a dark value.
    const probeColour = (el: Element) => {
      const span = document.createElement('span');
      span.style.color = 'var(--_color-bg)';
      el.shadowRoot!.append(span);
      const colour = getComputedStyle(span).color;
      span.remove();
      return colour;
    };
    expect(probeColour(light!)).to.equal('rgb(255, 255, 255)');
    expect(probeColour(dark!)).to.equal('rgb(23, 25, 29)');
  });
});

describe('shared states', () => {
  it('renders every state accessibly, errors as alerts and the rest as polite status', async () => {
    const { renderStatus, statusStyles } = await import('../../src/core/ui/status.js');
    class StatusProbe extends DorfElement {
      static override styles = [...DorfElement.styles, statusStyles];
      kind: Parameters<typeof renderStatus>[1] = 'loading';
      retried = 0;
      protected override render() {
        return renderStatus(this.localize, this.kind, {
          error: new BackendError('unavailable'),
          onRetry: this.kind === 'error' ? () => this.retried++ : undefined,
        });
      }
    }
    define('dorf-test-status', StatusProbe);
    for (const kind of ['loading', 'empty', 'error', 'offline', 'queued', 'forbidden'] as const) {
      for (const theme of ['light', 'dark']) {
        const el = await fixture<StatusProbe>(html`<dorf-test-status lang="de" theme=${theme}></dorf-test-status>`);
        el.kind = kind;
        el.requestUpdate();
        await el.updateComplete;
        const box = el.shadowRoot!.querySelector('[part~="status"]')!;
        expect(box.getAttribute('role'), kind).to.equal(kind === 'error' ? 'alert' : 'status');
        expect(box.getAttribute('part')).to.contain(`status-${kind}`);
        await expect(el).to.be.accessible();
        if (kind === 'error') {
          expect(box.textContent).to.contain('nicht erreichbar');
          (el.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
          expect(el.retried).to.equal(1);
        }
      }
    }
  });
});
