import type { Ijb } from '../domain/ijb';

export type IjbProfile = Omit<Ijb, 'latestPlanYear'>;

interface Authority {
  id: string;
  /** The area as the Scottish Government's list of integration authorities names it. */
  area: string;
  healthBoard: string;
  /** The local authority (two for Clackmannanshire & Stirling), by its official name. */
  councils: [string, ...string[]];
  /** Highland integrates by the lead-agency model: there is no IJB there. */
  leadAgency?: true;
}

/**
 * Scotland's 31 integration authorities under the Public Bodies (Joint Working) (Scotland) Act
 * 2014: 30 Integration Joint Boards (one, Clackmannanshire & Stirling, with two councils) and
 * Highland, where NHS Highland and The Highland Council integrate by the lead-agency model.
 * Sources: the Scottish Government's list of integration authorities ("Health and social care
 * integration: integration authorities", gov.scot), the 14 territorial NHS boards as NHS
 * Scotland's list of health boards names them (scot.nhs.uk/organisations), and each of the 32
 * councils by the name it uses itself (the Improvement Service / COSLA list of councils).
 * Partners only as those lists give them: no invented ones.
 */
const AUTHORITIES: Authority[] = [
  {
    id: 'aberdeen-city',
    area: 'Aberdeen City',
    healthBoard: 'NHS Grampian',
    councils: ['Aberdeen City Council'],
  },
  {
    id: 'aberdeenshire',
    area: 'Aberdeenshire',
    healthBoard: 'NHS Grampian',
    councils: ['Aberdeenshire Council'],
  },
  { id: 'angus', area: 'Angus', healthBoard: 'NHS Tayside', councils: ['Angus Council'] },
  {
    id: 'argyll-and-bute',
    area: 'Argyll and Bute',
    healthBoard: 'NHS Highland',
    councils: ['Argyll and Bute Council'],
  },
  {
    id: 'clackmannanshire-and-stirling',
    area: 'Clackmannanshire and Stirling',
    healthBoard: 'NHS Forth Valley',
    councils: ['Clackmannanshire Council', 'Stirling Council'],
  },
  {
    id: 'dumfries-and-galloway',
    area: 'Dumfries and Galloway',
    healthBoard: 'NHS Dumfries and Galloway',
    councils: ['Dumfries and Galloway Council'],
  },
  { id: 'dundee-city', area: 'Dundee City', healthBoard: 'NHS Tayside', councils: ['Dundee City Council'] },
  {
    id: 'east-ayrshire',
    area: 'East Ayrshire',
    healthBoard: 'NHS Ayrshire and Arran',
    councils: ['East Ayrshire Council'],
  },
  {
    id: 'east-dunbartonshire',
    area: 'East Dunbartonshire',
    healthBoard: 'NHS Greater Glasgow and Clyde',
    councils: ['East Dunbartonshire Council'],
  },
  {
    id: 'east-lothian',
    area: 'East Lothian',
    healthBoard: 'NHS Lothian',
    councils: ['East Lothian Council'],
  },
  {
    id: 'east-renfrewshire',
    area: 'East Renfrewshire',
    healthBoard: 'NHS Greater Glasgow and Clyde',
    councils: ['East Renfrewshire Council'],
  },
  {
    id: 'edinburgh',
    area: 'Edinburgh',
    healthBoard: 'NHS Lothian',
    councils: ['The City of Edinburgh Council'],
  },
  { id: 'falkirk', area: 'Falkirk', healthBoard: 'NHS Forth Valley', councils: ['Falkirk Council'] },
  { id: 'fife', area: 'Fife', healthBoard: 'NHS Fife', councils: ['Fife Council'] },
  {
    id: 'glasgow-city',
    area: 'Glasgow City',
    healthBoard: 'NHS Greater Glasgow and Clyde',
    councils: ['Glasgow City Council'],
  },
  {
    id: 'highland',
    area: 'Highland',
    healthBoard: 'NHS Highland',
    councils: ['The Highland Council'],
    leadAgency: true,
  },
  {
    id: 'inverclyde',
    area: 'Inverclyde',
    healthBoard: 'NHS Greater Glasgow and Clyde',
    councils: ['Inverclyde Council'],
  },
  { id: 'midlothian', area: 'Midlothian', healthBoard: 'NHS Lothian', councils: ['Midlothian Council'] },
  { id: 'moray', area: 'Moray', healthBoard: 'NHS Grampian', councils: ['Moray Council'] },
  {
    id: 'north-ayrshire',
    area: 'North Ayrshire',
    healthBoard: 'NHS Ayrshire and Arran',
    councils: ['North Ayrshire Council'],
  },
  {
    id: 'north-lanarkshire',
    area: 'North Lanarkshire',
    healthBoard: 'NHS Lanarkshire',
    councils: ['North Lanarkshire Council'],
  },
  { id: 'orkney', area: 'Orkney', healthBoard: 'NHS Orkney', councils: ['Orkney Islands Council'] },
  {
    id: 'perth-and-kinross',
    area: 'Perth and Kinross',
    healthBoard: 'NHS Tayside',
    councils: ['Perth and Kinross Council'],
  },
  {
    id: 'renfrewshire',
    area: 'Renfrewshire',
    healthBoard: 'NHS Greater Glasgow and Clyde',
    councils: ['Renfrewshire Council'],
  },
  {
    id: 'scottish-borders',
    area: 'Scottish Borders',
    healthBoard: 'NHS Borders',
    councils: ['Scottish Borders Council'],
  },
  { id: 'shetland', area: 'Shetland', healthBoard: 'NHS Shetland', councils: ['Shetland Islands Council'] },
  {
    id: 'south-ayrshire',
    area: 'South Ayrshire',
    healthBoard: 'NHS Ayrshire and Arran',
    councils: ['South Ayrshire Council'],
  },
  {
    id: 'south-lanarkshire',
    area: 'South Lanarkshire',
    healthBoard: 'NHS Lanarkshire',
    councils: ['South Lanarkshire Council'],
  },
  {
    id: 'west-dunbartonshire',
    area: 'West Dunbartonshire',
    healthBoard: 'NHS Greater Glasgow and Clyde',
    councils: ['West Dunbartonshire Council'],
  },
  {
    id: 'west-lothian',
    area: 'West Lothian',
    healthBoard: 'NHS Lothian',
    councils: ['West Lothian Council'],
  },
  {
    id: 'western-isles',
    area: 'Western Isles',
    healthBoard: 'NHS Western Isles',
    councils: ['Comhairle nan Eilean Siar'],
  },
];

function profileOf(authority: Authority): IjbProfile {
  const [first, ...more] = authority.councils;
  return {
    id: authority.id,
    name: authority.leadAgency
      ? `${authority.area} Health and Social Care Partnership (lead agency: ${authority.healthBoard})`
      : `${authority.area} Integration Joint Board`,
    shortName: authority.area,
    healthBoard: authority.healthBoard,
    council: [first, ...more].join(' and '),
    ...(more.length > 0 ? { councils: [first, ...more] } : {}),
    ...(authority.leadAgency ? { model: 'lead-agency' as const } : {}),
    settings: { monthDeadlineRule: 'end-of-month', closures: [] },
  };
}

/**
 * The integration authorities the product knows out of the box, with their partners. An
 * import for one of them creates its profile in the register when it is not there yet; one
 * not listed can be added with `npm run ijb -- add`.
 */
export const IJB_PROFILES: Record<string, IjbProfile> = Object.fromEntries(
  AUTHORITIES.map((authority) => [authority.id, profileOf(authority)]),
);

/** The councils an IJB issues directions to: one, or Clackmannanshire's and Stirling's. */
export function councilsOf(ijb: Pick<Ijb, 'council' | 'councils'>): string[] {
  return ijb.councils && ijb.councils.length > 0 ? ijb.councils : [ijb.council];
}
