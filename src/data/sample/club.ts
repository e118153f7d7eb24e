/**
 * Riverside Sports Club: the sports club sample (English, Europe/London).
 * Club news, a running group, youth football, a bookable tennis court, lost kit, a 30-day
 * running challenge with streaks and a first-aid path for coaches.
 */
import type { Dataset, Resource } from '../schema/index.js';
import {
  award, badgeImage, BookingPlanner, checkIns, comments, group, item, post, reactions,
  type Achievement, type Member, type Path,
} from './build.js';
import { Clock, enDate } from './time.js';

export const CLUB_ID = 'riverside-sc';
const TZ = 'Europe/London';

const members: Member[] = [
  { id: 'club-office', displayName: 'Riverside SC Office', roles: ['member', 'moderator', 'admin'] },
  { id: 'priya-shah', displayName: 'Priya Shah', roles: ['member', 'moderator'] },
  { id: 'tom-hughes', displayName: 'Coach Tom Hughes', roles: ['member', 'moderator'] },
  { id: 'aisha-okafor', displayName: 'Aisha Okafor', roles: ['member'] },
  { id: 'ben-carter', displayName: 'Ben Carter', roles: ['member'] },
  { id: 'chloe-evans', displayName: 'Chloe Evans', roles: ['member'] },
  { id: 'dan-murphy', displayName: 'Dan Murphy', roles: ['member'] },
  { id: 'emma-wilson', displayName: 'Emma Wilson', roles: ['member'] },
  { id: 'farid-khan', displayName: 'Farid Khan', roles: ['member'] },
  { id: 'grace-liu', displayName: 'Grace Liu', roles: ['member'] },
];

const everyone = members.filter((m) => !m.roles.includes('moderator')).map((m) => m.id);

const HOUSE_RULES = `Our club, our rules:

1. Be kind. Banter is fine; abuse, discrimination and bullying are not.
2. No advertising or selling without the committee's OK.
3. Never post photos of children without their parents' consent.
4. Safeguarding concerns go to our welfare officer, not into a post.
5. Moderators may hide posts that break these rules.`;

function groups() {
  return [
    group({
      id: 'club-news',
      name: 'Club news',
      description: 'Announcements from the committee: fixtures, facilities, AGM and socials.',
      visibility: 'public',
      joinPolicy: 'open',
      approveBeforePublish: true,
      rules: HOUSE_RULES,
      members: [
        { memberId: 'club-office', role: 'admin' },
        { memberId: 'priya-shah', role: 'moderator' },
        { memberId: 'tom-hughes', role: 'moderator' },
        ...everyone.map((memberId) => ({ memberId, role: 'member' as const })),
      ],
    }),
    group({
      id: 'running-group',
      name: 'Running group',
      description: 'Tuesday and Thursday evenings from the clubhouse, long run on Sunday mornings. All paces welcome.',
      visibility: 'public',
      joinPolicy: 'open',
      rules: `${HOUSE_RULES}
6. Nobody gets left behind: the back marker waits for the slowest runner.`,
      members: [
        { memberId: 'priya-shah', role: 'admin' },
        { memberId: 'aisha-okafor', role: 'member' },
        { memberId: 'ben-carter', role: 'member' },
        { memberId: 'chloe-evans', role: 'member' },
        { memberId: 'dan-murphy', role: 'member' },
        { memberId: 'emma-wilson', role: 'member' },
        { memberId: 'farid-khan', role: 'member' },
      ],
    }),
    group({
      id: 'youth-football',
      name: 'Youth football',
      description: 'Training times, fixtures and kit for our U8 to U14 teams. For players’ parents and coaches.',
      visibility: 'members',
      joinPolicy: 'request',
      rules: `${HOUSE_RULES}
6. Parents join with their own name; coaches confirm each request.`,
      members: [
        { memberId: 'tom-hughes', role: 'admin' },
        { memberId: 'grace-liu', role: 'member' },
        { memberId: 'ben-carter', role: 'member' },
        { memberId: 'farid-khan', role: 'member' },
      ],
    }),
  ];
}

function posts(clock: Clock) {
  const saturday = clock.next(6);
  const welcomeAt = clock.ago({ d: 35 });
  const pitchesAt = clock.ago({ h: 2, m: 45 });
  const tidyAt = clock.ago({ d: 4, h: 1 });
  const agmAt = clock.ago({ d: 10 });
  const routeAt = clock.ago({ d: 1, h: 3 });
  const challengeAt = clock.ago({ d: 13 });
  const fixtureAt = clock.ago({ d: 2, h: 5 });
  const kitAt = clock.ago({ d: 7 });

  return [
    post({
      id: 'post-welcome',
      groupId: 'club-news',
      kind: 'news',
      pinned: true,
      title: 'Welcome to the Riverside SC community pages',
      body: `This is the new home for club news, the running group, youth football, court bookings and our lost property shelf.

Anyone can read; members can post and comment once they have picked a display name. Please have a quick look at the house rules first.

See you at the club!`,
      tags: ['club'],
      authorId: 'club-office',
      createdAt: welcomeAt,
      reactions: reactions({ 'priya-shah': ['heart'], 'ben-carter': ['like'], 'grace-liu': ['like'], 'dan-murphy': ['clap'] }),
    }),
    post({
      id: 'post-pitches-closed',
      groupId: 'club-news',
      kind: 'urgent',
      title: 'All grass pitches closed: waterlogged after heavy rain',
      body: `After last night's downpour all grass pitches are closed until further notice. Youth training moves to the 3G pitch (shorter sessions, see the youth group). Tennis courts and the running group are not affected.

We will reopen the pitches as soon as the groundsman gives the all-clear.`,
      tags: ['facilities', 'weather'],
      expiresAt: clock.at(clock.day(2), '09:00'),
      authorId: 'club-office',
      createdAt: pitchesAt,
      reactions: reactions({ 'tom-hughes': ['thanks'], 'grace-liu': ['thanks'] }),
      comments: comments(clock, 'post-pitches-closed', pitchesAt, [
        { by: 'grace-liu', after: { m: 30 }, body: 'Does this affect the U10 home game at the weekend?' },
        { by: 'tom-hughes', after: { m: 20 }, body: 'Not yet decided. We will know by Friday lunchtime and post in the youth group.' },
      ]),
    }),
    post({
      id: 'post-clubhouse-tidy',
      groupId: 'club-news',
      kind: 'call',
      title: 'Clubhouse tidy-up on Saturday',
      body: `Many hands make light work! On ${enDate(saturday)} we are giving the clubhouse and the grounds a good tidy: clearing the gutters, painting the changing-room benches and sorting out the kit store.

Bacon rolls and tea for all volunteers from 12:30.`,
      tags: ['volunteering', 'clubhouse'],
      authorId: 'club-office',
      createdAt: tidyAt,
      call: {
        start: clock.at(saturday, '09:30'),
        end: clock.at(saturday, '13:00'),
        place: 'Clubhouse, Riverside Lane',
        slots: [
          { id: 'slot-volunteers', label: 'Volunteers', kind: 'people', capacity: 12 },
          { id: 'slot-ladders', label: 'Bring a ladder', kind: 'item', capacity: 2 },
          { id: 'slot-brushes', label: 'Bring paint brushes', kind: 'item', capacity: 6 },
        ],
      },
      commitments: [
        { id: 'commit-tidy-ben', slotId: 'slot-volunteers', memberId: 'ben-carter', count: 1 },
        { id: 'commit-tidy-farid', slotId: 'slot-volunteers', memberId: 'farid-khan', count: 2 },
        { id: 'commit-tidy-grace', slotId: 'slot-volunteers', memberId: 'grace-liu', count: 1 },
        { id: 'commit-tidy-dan', slotId: 'slot-volunteers', memberId: 'dan-murphy', count: 1 },
        { id: 'commit-tidy-dan-ladder', slotId: 'slot-ladders', memberId: 'dan-murphy', count: 1 },
        { id: 'commit-tidy-grace-brushes', slotId: 'slot-brushes', memberId: 'grace-liu', count: 3 },
      ],
      reactions: reactions({ 'priya-shah': ['clap'], 'emma-wilson': ['like'] }),
      comments: comments(clock, 'post-clubhouse-tidy', tidyAt, [
        { by: 'farid-khan', after: { h: 3 }, body: 'Bringing my eldest too, he needs the volunteering hours for his Duke of Edinburgh award.' },
      ]),
    }),
    post({
      id: 'post-agm',
      groupId: 'club-news',
      kind: 'news',
      title: 'AGM: nominations for the committee are open',
      body: 'Our annual general meeting takes place in the clubhouse next month. Nominations for chair, treasurer and welfare officer are open until two weeks before the meeting. Fancy helping to run the club? Talk to any committee member.',
      tags: ['AGM', 'committee'],
      authorId: 'club-office',
      createdAt: agmAt,
      reactions: reactions({ 'aisha-okafor': ['like'] }),
    }),
    post({
      id: 'post-sunday-route',
      groupId: 'running-group',
      kind: 'note',
      title: 'Sunday long run: river loop, 10 or 14 km',
      body: 'Meet at the clubhouse at 8:30. Two groups: 10 km at an easy chatting pace and 14 km for the half-marathon crowd. Coffee afterwards at the boathouse café.',
      tags: ['long run', 'route'],
      authorId: 'priya-shah',
      createdAt: routeAt,
      reactions: reactions({ 'aisha-okafor': ['like'], 'chloe-evans': ['like'], 'emma-wilson': ['heart'] }),
      comments: comments(clock, 'post-sunday-route', routeAt, [
        { by: 'chloe-evans', after: { h: 1 }, body: 'I will do the 10 km. Anyone else coming back from injury is welcome to run with me!' },
        { by: 'dan-murphy', after: { h: 2 }, body: 'Count me in for the 14.' },
      ]),
    }),
    post({
      id: 'post-challenge-start',
      groupId: 'running-group',
      kind: 'news',
      title: 'The 30-day running challenge has started!',
      body: 'Run, jog or walk briskly for at least 15 minutes every day for 30 days and check in on the learning page. Streaks are personal: nobody sees who missed a day.',
      tags: ['challenge'],
      authorId: 'priya-shah',
      createdAt: challengeAt,
      reactions: reactions({ 'aisha-okafor': ['clap'], 'ben-carter': ['clap'], 'farid-khan': ['like'], 'emma-wilson': ['like'] }),
    }),
    post({
      id: 'post-u10-fixture',
      groupId: 'youth-football',
      kind: 'note',
      title: 'U10s: kick-off moved to 10:30',
      body: 'Our U10 game this weekend kicks off at 10:30 instead of 10:00. Please have the players there by 9:50 for the warm-up. Shin pads and water bottles, please!',
      tags: ['U10', 'fixtures'],
      authorId: 'tom-hughes',
      createdAt: fixtureAt,
      reactions: reactions({ 'grace-liu': ['thanks'], 'ben-carter': ['thanks'] }),
    }),
    post({
      id: 'post-kit-collection',
      groupId: 'youth-football',
      kind: 'news',
      title: 'New kit ready for collection',
      body: 'The new home shirts have arrived. Collection from the kit store after training on Tuesday and Thursday.',
      tags: ['kit'],
      authorId: 'tom-hughes',
      createdAt: kitAt,
      reactions: reactions({ 'farid-khan': ['like'] }),
    }),
  ];
}

function tennisCourt(): Resource {
  return {
    id: 'tennis-court-1',
    name: 'Tennis court 1 (floodlit)',
    description: 'Hard court with floodlights until 10 pm. Nets and a ball machine are in the pavilion.',
    location: 'Riverside Lane, behind the clubhouse',
    timeZone: TZ,
    houseRules: `1. Tennis shoes only, no studs or running spikes.
2. Leave the court on time and take your balls and bottles with you.
3. Switch off the floodlights when you are the last to play.`,
    rules: {
      unit: 'hour',
      step: 60,
      minDuration: 60,
      maxDuration: 120,
      leadTime: 60,
      maxAdvance: 14,
      buffer: 0,
      approval: 'auto',
      blackouts: [],
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '07:00', close: '22:00' })),
      maxAttendees: 4,
      price: { amount: 800, currency: 'GBP', per: 'hour', note: 'Free for tennis members; guests £8 per hour' },
    },
  };
}

function bookings(clock: Clock, court: Resource) {
  const c = new BookingPlanner(court, clock);
  const aisha = { name: 'Aisha Okafor', email: 'aisha.okafor@example.org' };
  const ben = { name: 'Ben Carter', email: 'ben.carter@example.org', phone: '07700 900123' };
  const chloe = { name: 'Chloe Evans', email: 'chloe.evans@example.org' };
  const coaching = { name: 'Riverside SC Tennis Section', email: 'tennis@riverside-sc.example' };
  const all = [1, 2, 3, 4, 5, 6, 7];

  c.add(c.hours(1, all, '18:00', 60), {
    id: 'booking-court-aisha-1', status: 'confirmed', purpose: 'Singles practice',
    publicLabel: '', attendees: 2, requester: aisha, requested: { h: 20 }, decidedAfter: { m: 0 },
  });
  c.add(c.hours(1, all, '19:00', 120), {
    id: 'booking-court-doubles', status: 'confirmed', purpose: 'Club doubles night',
    publicLabel: 'Doubles night', attendees: 4, requester: coaching, requested: { d: 1 }, decidedAfter: { m: 0 },
  });
  c.add(c.hours(2, [6, 7], '09:00', 120), {
    id: 'booking-court-junior', status: 'confirmed', purpose: 'Junior coaching session',
    publicLabel: 'Junior coaching', attendees: 4, requester: coaching, requested: { d: 1 }, decidedAfter: { m: 0 },
  });
  c.add(c.hours(2, all, '07:00', 60), {
    id: 'booking-court-ben', status: 'confirmed', purpose: 'Early hit before work',
    attendees: 2, requester: ben, requested: { h: 5 }, decidedAfter: { m: 0 },
  });
  c.add(c.hours(3, all, '17:00', 60), {
    id: 'booking-court-chloe', status: 'cancelled', purpose: 'Singles with a friend',
    attendees: 2, requester: chloe, requested: { d: 1, h: 2 }, decidedAfter: { m: 0 },
    reason: 'Cancelled by the player.',
  });
  c.add(c.hours(3, all, '18:00', 60), {
    id: 'booking-court-chloe-2', status: 'confirmed', purpose: 'Singles with a friend',
    attendees: 2, requester: chloe, requested: { h: 23 }, decidedAfter: { m: 0 },
  });
  c.add(c.hours(5, all, '20:00', 60), {
    id: 'booking-court-aisha-2', status: 'confirmed', purpose: 'Singles practice under lights',
    attendees: 2, requester: aisha, requested: { h: 6 }, decidedAfter: { m: 0 },
  });
  c.add(c.hours(6, [6, 7], '10:00', 120), {
    id: 'booking-court-social', status: 'confirmed', purpose: 'Social tennis for new members',
    publicLabel: 'Social tennis', attendees: 4, requester: coaching, requested: { h: 10 }, decidedAfter: { m: 0 },
  });
  return c.bookings;
}

function items(clock: Clock) {
  return [
    item(clock, {
      id: 'item-football-boots',
      type: 'found',
      category: 'clothing',
      title: 'Black football boots, size 4, left in the changing room',
      description: 'Pair of black moulded-stud boots in a drawstring bag, found in the home changing room after Saturday’s youth games. Now in the kit store.',
      place: 'Home changing room, clubhouse',
      date: clock.day(-3),
      reportedAt: '17:30',
      contact: { name: 'Coach Tom Hughes', email: 'tom.hughes@example.org' },
      proofDetail: 'There is a name written inside the tongue of the left boot.',
    }),
    item(clock, {
      id: 'item-rain-jacket',
      type: 'found',
      category: 'clothing',
      title: 'Navy club rain jacket found on the touchline',
      description: 'Navy Riverside SC rain jacket, adult size M, found on the fence by pitch 2.',
      place: 'Pitch 2 touchline',
      date: clock.day(-6),
      reportedAt: '19:00',
      contact: { name: 'Riverside SC Office', email: 'office@riverside-sc.example' },
      proofDetail: 'Initials embroidered on the sleeve and a car park token in the pocket.',
    }),
    item(clock, {
      id: 'item-water-bottle',
      type: 'found',
      category: 'other',
      title: 'Steel water bottle left at the tennis courts',
      description: 'Green stainless steel bottle with stickers, found on the bench at court 1.',
      place: 'Tennis court 1 bench',
      date: clock.day(-1),
      reportedAt: '21:10',
      contact: { name: 'Aisha Okafor', email: 'aisha.okafor@example.org' },
      proofDetail: 'One of the stickers is from a marathon in another city.',
    }),
    item(clock, {
      id: 'item-shin-pads',
      type: 'lost',
      category: 'clothing',
      title: 'Lost: pair of blue shin pads (U10)',
      description: 'Blue shin pads with white straps, lost at training on the 3G pitch. Probably left by the goal.',
      place: '3G pitch',
      date: clock.day(-2),
      reportedAt: '20:15',
      contact: { name: 'Grace Liu', email: 'grace.liu@example.org' },
    }),
    item(clock, {
      id: 'item-car-key',
      type: 'lost',
      category: 'keys',
      status: 'resolved',
      title: 'Lost car key with club key fob',
      description: 'Car key on a red Riverside SC fob, lost during the Sunday long run along the river path.',
      place: 'River path between the boathouse and the footbridge',
      date: clock.day(-9),
      reportedAt: '11:40',
      contact: { name: 'Dan Murphy', email: 'dan.murphy@example.org', phone: '07700 900456' },
    }),
  ];
}

function paths(clock: Clock): Path[] {
  return [
    {
      id: 'running-challenge',
      title: '30-day running challenge',
      description: 'Build a running habit in 30 days: at least 15 minutes of running, jogging or brisk walking every day, with a few milestones on the way to your first 5K.',
      level: 'beginner',
      prerequisites: [],
      badgeId: 'running-challenge-finisher',
      steps: [
        {
          id: 'first-run',
          title: 'Your first 15 minutes',
          description: 'Alternate one minute of jogging with one minute of walking for 15 minutes. Slow is fine!',
          resources: [{ label: 'NHS: Couch to 5K and running tips', url: 'https://www.nhs.uk/' }],
          milestone: false,
          evidence: 'none',
          signOff: false,
        },
        {
          id: 'three-a-week',
          title: 'Three runs in one week',
          description: 'Run on three different days in one week. Note how you felt afterwards.',
          resources: [],
          milestone: false,
          evidence: 'optional',
          signOff: false,
        },
        {
          id: 'twenty-minutes',
          title: 'Run 20 minutes without stopping',
          description: 'Keep a pace at which you can still talk. Share your watch or app screenshot, or just tell us how it went.',
          resources: [],
          milestone: true,
          evidence: 'required',
          signOff: false,
        },
        {
          id: 'group-run',
          title: 'Join a group run',
          description: 'Come along to a Tuesday or Thursday group run; the run leader confirms you were there.',
          resources: [],
          milestone: false,
          evidence: 'none',
          signOff: true,
        },
        {
          id: 'first-5k',
          title: 'Your first 5K',
          description: 'Run 5 km, at a parkrun or on our river loop. Post your time if you like.',
          resources: [{ label: 'parkrun UK', url: 'https://www.parkrun.org.uk/' }],
          milestone: true,
          evidence: 'optional',
          signOff: false,
        },
      ],
      cohort: {
        id: 'running-challenge-cohort',
        pathId: 'running-challenge',
        title: '30-day running challenge',
        start: clock.day(-12),
        days: 30,
        timeZone: TZ,
      },
    },
    {
      id: 'first-aid-coaches',
      title: 'First aid for coaches',
      description: 'Every youth coach needs basic first aid. Refresh the essentials and complete a certified course.',
      level: 'intermediate',
      prerequisites: [],
      badgeId: 'first-aider',
      steps: [
        {
          id: 'primary-survey',
          title: 'Danger, response, airway, breathing',
          description: 'Learn the primary survey (DRABC) and what to do in the first minute after a player goes down.',
          resources: [{ label: 'St John Ambulance', url: 'https://www.sja.org.uk/' }],
          milestone: false,
          evidence: 'none',
          signOff: false,
        },
        {
          id: 'head-injuries',
          title: 'Concussion: if in doubt, sit them out',
          description: 'Know the signs of concussion and the return-to-play guidance for grassroots sport.',
          resources: [{ label: 'British Red Cross: first aid', url: 'https://www.redcross.org.uk/' }],
          milestone: false,
          evidence: 'optional',
          signOff: false,
        },
        {
          id: 'cpr-aed',
          title: 'CPR and the clubhouse defibrillator',
          description: 'Find the defibrillator in the clubhouse foyer and practise hands-only CPR.',
          resources: [{ label: 'Resuscitation Council UK', url: 'https://www.resus.org.uk/' }],
          milestone: true,
          evidence: 'required',
          signOff: false,
        },
        {
          id: 'certified-course',
          title: 'Complete a certified first aid course',
          description: 'Attend an emergency first aid course. The welfare officer confirms your certificate.',
          resources: [],
          milestone: true,
          evidence: 'required',
          signOff: true,
        },
      ],
      cohort: null,
    },
  ];
}

function cohortCheckIns(clock: Clock) {
  const start = clock.day(-12);
  const id = 'running-challenge-cohort';
  // Index 12 is today: varied streaks (13, 12 pending today, 5, 3, 0, 7 pending today, 1).
  return [
    ...checkIns(clock, id, start, 'priya-shah', 'xxxxxxxxxxxxx'),
    ...checkIns(clock, id, start, 'aisha-okafor', 'xxxxxxxxxxxx.'),
    ...checkIns(clock, id, start, 'ben-carter', 'xxxxxx..xxxxx'),
    ...checkIns(clock, id, start, 'chloe-evans', 'xx.x.xx.x.xxx'),
    ...checkIns(clock, id, start, 'dan-murphy', 'xxxx.........'),
    ...checkIns(clock, id, start, 'emma-wilson', '.....xxxxxxx.'),
    ...checkIns(clock, id, start, 'farid-khan', 'x.x.x.x.x.x.x'),
  ];
}

const issuer = { id: CLUB_ID, name: 'Riverside Sports Club', url: 'https://www.riverside-sc.example/' };

const achievements: Achievement[] = [
  {
    id: 'running-challenge-finisher',
    name: '30-day running challenge',
    description: 'Ran, jogged or walked briskly every day for 30 days and completed a first 5K.',
    criteria: 'All steps of the “30-day running challenge” path completed.',
    image: badgeImage('#0277bd', '30'),
    imageAlt: 'Blue badge with the number 30',
    issuer,
    tags: ['running', 'challenge'],
  },
  {
    id: 'first-aider',
    name: 'Club first aider',
    description: 'Trained in emergency first aid for sport, including CPR and use of a defibrillator.',
    criteria: 'All steps of “First aid for coaches” completed and a certified course confirmed by the welfare officer. Valid for three years.',
    image: badgeImage('#2e7d32', '+'),
    imageAlt: 'Green badge with a white cross',
    issuer,
    tags: ['first aid', 'safeguarding'],
  },
  {
    id: 'volunteer-of-the-month',
    name: 'Volunteer of the month',
    description: 'Went above and beyond for the club this month.',
    criteria: 'Nominated by members and chosen by the committee.',
    image: badgeImage('#f57f17', '★'),
    imageAlt: 'Amber badge with a star',
    issuer,
    tags: ['volunteering'],
  },
];

function awards(clock: Clock) {
  return [
    award({
      id: 'award-volunteer-grace',
      achievementId: 'volunteer-of-the-month',
      recipientId: 'grace-liu',
      issuedOn: clock.ago({ d: 20 }),
      note: 'For running the tea hut at every home game this month.',
      onWall: true,
    }),
    award({
      id: 'award-volunteer-dan',
      achievementId: 'volunteer-of-the-month',
      recipientId: 'dan-murphy',
      issuedOn: clock.ago({ d: 50 }),
      note: 'For fixing the floodlights on court 1.',
      onWall: true,
    }),
    award({
      id: 'award-first-aider-tom',
      achievementId: 'first-aider',
      recipientId: 'tom-hughes',
      issuedOn: clock.ago({ d: 200 }),
      expires: clock.ahead({ d: 3 * 365 - 200 }),
      evidence: [{ narrative: 'Emergency First Aid at Work certificate seen by the welfare officer.' }],
      onWall: true,
    }),
    award({
      id: 'award-first-aider-ben',
      achievementId: 'first-aider',
      recipientId: 'ben-carter',
      issuedOn: clock.ago({ d: 3 * 365 + 15 }),
      expires: clock.ago({ d: 15 }),
      onWall: false,
    }),
    award({
      id: 'award-running-priya',
      achievementId: 'running-challenge-finisher',
      recipientId: 'priya-shah',
      issuedOn: clock.ago({ d: 100 }),
      evidence: [{ url: 'https://www.parkrun.org.uk/' }],
      onWall: true,
    }),
    award({
      id: 'award-running-farid',
      achievementId: 'running-challenge-finisher',
      recipientId: 'farid-khan',
      issuedOn: clock.ago({ d: 100 }),
      revoked: true,
      revocationReason: 'Awarded by mistake: the challenge was not completed.',
      onWall: false,
    }),
  ];
}

/** The sports club sample, relative to `now`. */
export function clubSample(now: Date = new Date()): Dataset {
  const clock = new Clock(now, TZ);
  const court = tennisCourt();
  return {
    community: { id: CLUB_ID, name: 'Riverside Sports Club', timeZone: TZ, locale: 'en' },
    members: members.map((m) => ({ ...m, roles: [...m.roles] })),
    groups: groups(),
    posts: posts(clock),
    resources: [court],
    bookings: bookings(clock, court),
    items: items(clock),
    paths: paths(clock),
    checkIns: cohortCheckIns(clock),
    achievements: structuredClone(achievements),
    awards: awards(clock),
  };
}
