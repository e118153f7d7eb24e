/**
 * Small factories for valid contract inputs. Every id is fresh (`crypto.randomUUID()`), and
 * every private string (a requester's name, mail and phone; a reporter's contact; a proof
 * detail) is unique per call, so a deep scan of a public response can tell it apart.
 *
 * Times: the kit fixes the backend clock at `KIT_NOW` (a Monday, 10:00 in Berlin) before each
 * test; the helpers below build instants relative to it.
 */
import type {
  Achievement, AwardInput, BookingRequest, BookingRules, CommentInput, CommitmentInput, Community,
  ContactInput, Dataset, GroupInput, ItemInput, Path, PostInput, Resource, Step,
} from '../schema/index.js';

/** The fixed "now" of every kit test: Monday 4 March 2030, 10:00 Europe/Berlin. */
export const KIT_NOW = '2030-03-04T09:00:00.000Z';
/** Today in Europe/Berlin at `KIT_NOW`. */
export const KIT_TODAY = '2030-03-04';
export const KIT_TIME_ZONE = 'Europe/Berlin';

export const uid = (): string => crypto.randomUUID();
/** A short unique token for readable, unique strings. */
export const tag = (): string => uid().replace(/-/g, '').slice(0, 10);
/** A fresh slug (`Slug` schema): lowercase letters, digits and dashes. */
export const slug = (prefix: string): string => `${prefix}-${tag()}`;

const DAY = 86_400_000;
const MINUTE = 60_000;

/** `base` (an instant) shifted by minutes. */
export function addMinutes(base: string, minutes: number): string {
  return new Date(Date.parse(base) + minutes * MINUTE).toISOString();
}
export function addDays(base: string, days: number): string {
  return new Date(Date.parse(base) + days * DAY).toISOString();
}
/** A calendar day shifted by days (`YYYY-MM-DD`). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function community(id: string): Community {
  return { id, name: `Kit ${id}`, timeZone: KIT_TIME_ZONE, locale: 'de' };
}

// ---------------------------------------------------------------------------------------------
// Feed

export function groupInput(overrides: Partial<GroupInput> = {}): GroupInput {
  return {
    id: slug('g'),
    name: 'Lauftreff',
    description: 'Wir laufen jeden Dienstag.',
    visibility: 'public',
    joinPolicy: 'open',
    rules: 'Seid freundlich.',
    approveBeforePublish: false,
    ...overrides,
  };
}

export function postInput(groupId: string, overrides: Partial<PostInput> = {}): PostInput {
  const t = tag();
  return {
    id: uid(),
    groupId,
    kind: 'note',
    title: `Beitrag ${t}`,
    body: `Text des Beitrags ${t}`,
    tags: [],
    expiresAt: null,
    attachments: [],
    call: null,
    ...overrides,
  };
}

export function urgentInput(groupId: string, expiresAt: string, overrides: Partial<PostInput> = {}): PostInput {
  return postInput(groupId, { kind: 'urgent', title: 'Wasserrohrbruch', expiresAt, ...overrides });
}

export interface SlotSpec {
  label?: string;
  capacity: number;
  kind?: 'people' | 'item';
}

export function callInput(groupId: string, slots: SlotSpec[], overrides: Partial<PostInput> = {}): PostInput {
  return postInput(groupId, {
    kind: 'call',
    title: 'Mach mit! Dorfputz',
    call: {
      start: addDays(KIT_NOW, 5),
      place: 'Dorfplatz',
      slots: slots.map((s, i) => ({ id: uid(), label: s.label ?? `Helfer ${i + 1}`, kind: s.kind ?? 'people', capacity: s.capacity })),
    },
    ...overrides,
  });
}

export function commentInput(postId: string, overrides: Partial<CommentInput> = {}): CommentInput {
  return { id: uid(), postId, body: `Kommentar ${tag()}`, ...overrides };
}

export function commitmentInput(postId: string, slotId: string, count = 1): CommitmentInput {
  return { id: uid(), postId, slotId, count };
}

// ---------------------------------------------------------------------------------------------
// Bookings

export function bookingRules(overrides: Partial<BookingRules> = {}): BookingRules {
  return {
    unit: 'hour',
    step: 30,
    minDuration: 60,
    maxDuration: 8 * 60,
    leadTime: 0,
    maxAdvance: 365,
    buffer: 0,
    approval: 'manual',
    blackouts: [],
    openingHours: [],
    maxAttendees: null,
    price: null,
    ...overrides,
  };
}

export function resource(overrides: Partial<Omit<Resource, 'rules'>> = {}, rules: Partial<BookingRules> = {}): Resource {
  return {
    id: slug('r'),
    name: 'Grillhütte',
    description: 'Am Waldrand, mit Grill und Toiletten.',
    location: 'Waldweg 1',
    timeZone: KIT_TIME_ZONE,
    houseRules: 'Bitte sauber hinterlassen.',
    rules: bookingRules(rules),
    ...overrides,
  };
}

/** A unique, recognisable requester: the strings a public read must never contain. */
export function requester() {
  const t = tag();
  const digits = String(parseInt(t.slice(0, 8), 16) % 100_000_000).padStart(8, '0');
  return {
    name: `Requester ${t}`,
    email: `requester.${t}@example.org`,
    phone: `+49 171 ${digits}`,
  };
}

export function bookingRequest(
  resourceId: string,
  start: string,
  end: string,
  overrides: Partial<BookingRequest> = {},
): BookingRequest {
  return {
    id: uid(),
    resourceId,
    start,
    end,
    purpose: `Geburtstag ${tag()}`,
    attendees: 20,
    publicLabel: '',
    requester: requester(),
    acceptRules: true,
    ...overrides,
  };
}

/** The private strings of a booking request (for deep scans). */
export function bookingSecrets(request: BookingRequest): string[] {
  return [request.requester.name, request.requester.email, request.requester.phone ?? '', request.purpose].filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Lost and found

export function reporterContact() {
  const t = tag();
  const digits = String(parseInt(t.slice(0, 8), 16) % 100_000_000).padStart(8, '0');
  return { name: `Reporter ${t}`, email: `reporter.${t}@example.org`, phone: `+49 160 ${digits}` };
}

export function itemInput(overrides: Partial<ItemInput> = {}): ItemInput {
  const t = tag();
  return {
    id: uid(),
    type: 'found',
    category: 'keys',
    title: `Schlüsselbund ${t}`,
    description: 'Drei Schlüssel an einem roten Anhänger.',
    place: 'Bushaltestelle Kirchgasse',
    point: null,
    date: KIT_TODAY,
    animal: null,
    photo: null,
    contact: reporterContact(),
    proofDetail: `Proof detail ${t}`,
    ...overrides,
  };
}

export function animalItemInput(overrides: Partial<ItemInput> = {}): ItemInput {
  return itemInput({
    type: 'lost',
    category: 'animal',
    title: 'Katze entlaufen',
    description: 'Sehr scheu.',
    animal: { species: 'Katze', colour: 'getigert', marks: 'weißer Fleck am Ohr', microchip: '276098106543210' },
    proofDetail: undefined,
    ...overrides,
  });
}

export function itemSecrets(input: ItemInput): string[] {
  return [input.contact.name, input.contact.email, input.contact.phone ?? '', input.proofDetail ?? ''].filter(Boolean);
}

export function contactInput(itemId: string, overrides: Partial<ContactInput> = {}): ContactInput {
  const t = tag();
  return {
    id: uid(),
    itemId,
    message: `Ich glaube, das gehört mir ${t}`,
    replyTo: `finder.${t}@example.org`,
    name: `Sender ${t}`,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Learning and badges

export function achievement(overrides: Partial<Achievement> = {}): Achievement {
  return {
    id: slug('a'),
    name: 'Ersthelfer',
    description: 'Hat den Erste-Hilfe-Pfad abgeschlossen.',
    criteria: 'Alle Schritte des Pfads erledigt.',
    image: 'https://example.org/badge.png',
    imageAlt: 'Ein rotes Kreuz',
    issuer: { id: 'kit-verein', name: 'Kit-Verein', url: 'https://example.org' },
    tags: ['erste-hilfe'],
    ...overrides,
  };
}

export function step(overrides: Partial<Step> = {}): Step {
  return {
    id: slug('s'),
    title: 'Schritt',
    description: '',
    resources: [],
    milestone: false,
    evidence: 'none',
    signOff: false,
    ...overrides,
  };
}

export function path(overrides: Partial<Path> = {}): Path {
  return {
    id: slug('p'),
    title: 'Erste Hilfe',
    description: 'Vom Pflaster zur Herzdruckmassage.',
    level: 'beginner',
    steps: [step({ title: 'Lesen' }), step({ title: 'Üben', milestone: true })],
    prerequisites: [],
    badgeId: null,
    cohort: null,
    ...overrides,
  };
}

export function awardInput(achievementId: string, recipientIds: string[], overrides: Partial<AwardInput> = {}): AwardInput {
  return {
    id: uid(),
    achievementId,
    recipientIds,
    note: 'Danke für deinen Einsatz!',
    evidence: [{ narrative: 'Beim Dorffest geholfen.' }],
    expires: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Files

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function pngBlob(): Blob {
  const bytes = Uint8Array.from(atob(PNG_1X1), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

// ---------------------------------------------------------------------------------------------
// Datasets

export function emptyDataset(communityId: string): Dataset {
  return {
    community: community(communityId),
    members: [],
    groups: [],
    posts: [],
    resources: [],
    bookings: [],
    items: [],
    paths: [],
    checkIns: [],
    achievements: [],
    awards: [],
  };
}

/** A long random token (manage tokens in seeds must have 16+ characters). */
export function token(): string {
  return `${uid()}${uid()}`.replace(/-/g, '');
}
