/**
 * The stylised Northern Route world (about 50 km a cell, north up): northern Afghanistan (Balkh,
 * Kunduz, Takhar, Badakhshan) south of the Panj / Amu Darya; Tajikistan (Khatlon, Dushanbe, GBAO)
 * and Uzbekistan north of it; Kyrgyzstan (Osh); Kazakhstan; a Russian market strip on the north
 * edge and a Chinese market on the east edge. It is the routing test fixture and the baseline map
 * of the drug-route economy. Geography is squeezed (Kazakhstan most), but the order of borders,
 * the named crossings and the main highways follow the real ones (as described in UNODC 2012).
 */
import type { RegionInfo, RegionMap } from "../core/region-map.js";
import { parseAsciiMap } from "./ascii.js";
import { buildWorld } from "./build.js";
import type { MarketAttributes, ProvinceAttributes, World } from "./types.js";

/** The map, 40 × 30 cells; see CORRIDOR_LEGEND. Lower case letters are the same province's road cells. */
export const CORRIDOR_ASCII = [
  "RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR",
  "RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR",
  "KKK+KKKKKK+KKKKKKKKK-KKKKKKKKK-KKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "KKKkKKKKKKkKKKKKKKKKKKKKKKKKKKKKKKKKCCCC",
  "UUU!UUUUOO0OOOOOOOOOOOOOOOOOOOOOOOOOCCCC",
  "UUUuUUUUOOoOOOOOOOOOOOOOOOOOOOOOOOOOCCCC",
  "UUUuuuuu@ooOOOOOOOOOOOOOOOOOOOOOOOOOCCCC",
  "UUUuUUUUOoooooooooooooooooooooooooo8CCCC",
  "UUUuUUUUOOOOOOoOOOOOOOOOOOOOOOOOOoOOCCCC",
  "UUUuUUUUDDDDDD6DDiGGGGGGGG4GGGGGG7GGG9GG",
  "UUUuuuuu5ddddddDDDGGGGGGGGGGGGGGGgGGGgGG",
  "UUUuUUUUDDDddDDDDDGGGGGGGGGGGGGGGggggGGG",
  "UUUuUUUUDDDdDdDDDDGGGGGGGGGGGGGGGgGGGGGG",
  "UUUuUUUUHHHhHHhHHHHHGGGGGGGGGGGGgGGGGGGG",
  "UUUuUUUUHHHhHHHhHHHHGGGGGGGGGGGgGGGGGGGG",
  "UUUuUUUUHHHhHHHHhhhhgggggggggggGGGGGGGGG",
  "~~~3~~~~~~~1~~~~~~~~~~4~~~4~~~2~~~~4~~~~",
  "BBBbBBBBZZZzZZZTTTTTTTAAAAAAAAaAAAAAAAAA",
  "BBbbbbbbzzzzzzztttttttaaaaaaaaAAAAAAAAAA",
  "BBBBBBBBZZZZZZZTTTTTTTAAAAAAAAAAAAAAAAAA",
  "BBBBBBBBZZZZZZZTTTTTTTAAAAAAAAAAAAAAAAAA",
  "BBBBBBBBZZZZZZZTTTTTTTAAAAAAAAAAAAAAAAAA",
].join("\n");

type Entry = Omit<RegionInfo, "char">;
const road = (province: string): Entry => ({ province, blocked: false, road: true });
const land = (province: string): Entry => ({ province, blocked: false });
const post = (province: string, name: string): Entry & { name: string } => ({
  province,
  blocked: false,
  road: true,
  crossing: "official",
  name,
});
const ford = (province: string, name: string): Entry & { name: string } => ({
  province,
  blocked: false,
  crossing: "informal",
  name,
});

/** Legend of CORRIDOR_ASCII: character → cell attributes (crossings carry the real post's name). */
export const CORRIDOR_LEGEND: readonly (readonly [string, Entry & { name?: string }])[] = [
  ["R", land("Russia")],
  ["K", land("Kazakhstan")],
  ["k", road("Kazakhstan")],
  ["C", land("Xinjiang")],
  ["U", land("Uzbekistan")],
  ["u", road("Uzbekistan")],
  ["O", land("Osh")],
  ["o", road("Osh")],
  ["D", land("Dushanbe")],
  ["d", road("Dushanbe")],
  ["H", land("Khatlon")],
  ["h", road("Khatlon")],
  ["G", land("GBAO")],
  ["g", road("GBAO")],
  ["B", land("Balkh")],
  ["b", road("Balkh")],
  ["Z", land("Kunduz")],
  ["z", road("Kunduz")],
  ["T", land("Takhar")],
  ["t", road("Takhar")],
  ["A", land("Badakhshan")],
  ["a", road("Badakhshan")],
  ["~", { province: "Panj and Amu Darya", blocked: true }],
  ["1", post("Khatlon", "Panji Poyon–Sher Khan Bandar bridge")],
  ["2", post("GBAO", "Ishkashim bridge")],
  ["3", post("Uzbekistan", "Termez–Hairatan bridge")],
  ["4", ford("GBAO", "Panj fords and Pamir tracks (Darvaz, Rushan, Wakhan; Alay tracks)")],
  ["5", post("Dushanbe", "Tursunzade–Denau")],
  ["6", post("Dushanbe", "Karamyk")],
  ["7", post("GBAO", "Kyzyl-Art pass")],
  ["8", post("Osh", "Irkeshtam")],
  ["9", post("GBAO", "Kulma pass")],
  ["0", post("Osh", "Kyrgyz–Kazakh road posts")],
  ["!", post("Uzbekistan", "Uzbek–Kazakh road posts (Zhibek Zholy)")],
  ["@", post("Osh", "Dostuk")],
  ["+", post("Kazakhstan", "Kazakh–Russian road posts")],
  ["-", ford("Kazakhstan", "Kazakh–Russian steppe border")],
  ["i", ford("Dushanbe", "Jirgatal tracks to Kyrgyzstan")],
];

/**
 * Country-level attributes, c. 2012. corruption = 1 − TI Corruption Perceptions Index 2012 / 100.
 * hardship = national poverty headcount share (World Bank WDI / national surveys, rounded; ASSUMED
 * close enough for a stylised map). stateCapacity ≈ World Bank WGI 2012 Government Effectiveness
 * percentile rank / 100 (approximate, to verify). legitimacy: ASSUMPTION (ordinal judgement; no
 * mechanism reads it yet). Province overrides below are assumptions stated where they are set.
 */
const COUNTRY = {
  AF: { stateCapacity: 0.09, legitimacy: 0.2, corruption: 0.92, hardship: 0.36 },
  TJ: { stateCapacity: 0.16, legitimacy: 0.4, corruption: 0.78, hardship: 0.38 },
  UZ: { stateCapacity: 0.17, legitimacy: 0.4, corruption: 0.83, hardship: 0.15 },
  KG: { stateCapacity: 0.21, legitimacy: 0.4, corruption: 0.76, hardship: 0.38 },
  KZ: { stateCapacity: 0.37, legitimacy: 0.5, corruption: 0.72, hardship: 0.04 },
  RU: { stateCapacity: 0.42, legitimacy: 0.5, corruption: 0.72, hardship: 0.11 },
  CN: { stateCapacity: 0.56, legitimacy: 0.5, corruption: 0.61, hardship: 0.1 },
} as const;

/** Days per year, for turning annual tonnages into kg/day. */
const DAYS_PER_YEAR = 365;

/** Absolute price elasticity of heroin demand ≈ 0.3 (OAS 2013, ch. 4; cf. Gallet 2014 meta-analysis). */
const HEROIN_ELASTICITY = 0.3;

/**
 * Supply entering the map in each producing province. UNODC (2012): about 90 t of heroin a year
 * moves through Central Asia, 75–80 t of it through Tajikistan. UNODC gives no split by Afghan
 * province, so (ASSUMPTION) Badakhshan, Takhar and Kunduz supply equal thirds:
 * 90 000 kg/yr ÷ 3 ÷ 365 d = 82.19 kg/day each; 3 × 82.19 × 365 = 90 000 kg/yr. Which share
 * then goes through Tajikistan rather than Uzbekistan (target 75–80 t) is for the routes to decide.
 */
export const CORRIDOR_PRODUCTION_KG_PER_YEAR = 90_000;
const perProducer = CORRIDOR_PRODUCTION_KG_PER_YEAR / 3 / DAYS_PER_YEAR;

/**
 * Markets. Demand sums to the 90 t/yr supplied, so with no seizures every market sits at its base
 * price. Russia 75 t/yr (US INCSR 2014: Russia consumes 75–80 t of heroin a year); the remaining
 * 15 t/yr split Kazakhstan 6, Osh 3, Dushanbe 3, Xinjiang 3 (ASSUMPTION). Base prices are the
 * geometric means of the UNODC (2012) wholesale ranges: Tajikistan √(1.2k × 5k) ≈ 2 450 USD/kg,
 * Kyrgyzstan √(8k × 10k) ≈ 8 950, Russia 30 000. Kazakhstan (ASSUMPTION): the geometric mean of
 * the Kyrgyz and Russian prices, √(8 950 × 30 000) ≈ 16 400; Xinjiang (ASSUMPTION): the same.
 */
function market(tonsPerYear: number, price: number, sites?: [number, number][]): MarketAttributes {
  return {
    demandKgPerDay: (tonsPerYear * 1000) / DAYS_PER_YEAR,
    basePriceUsdPerKg: price,
    elasticity: HEROIN_ELASTICITY,
    ...(sites ? { sites } : {}),
  };
}

/** One province row from its country's attributes plus overrides. */
function province(
  name: string,
  country: keyof typeof COUNTRY,
  ruggedness: number,
  extra: Partial<ProvinceAttributes> = {},
): ProvinceAttributes {
  return { name, country, ruggedness, productionKgPerDay: 0, ...COUNTRY[country], ...extra };
}

/**
 * The province table. Ruggedness (ASSUMPTION, from relief: steppe ≈ 0.05–0.15, foothills ≈ 0.3,
 * mountains ≈ 0.5–0.6, the Pamirs and the Hindu Kush ≈ 0.85–0.9). GBAO: state capacity half of
 * Tajikistan's and low legitimacy ("tenuous control", warlord rule, 2012 Khorog clashes; the CSTO/SCO
 * nexus essay behind pamir) and hardship 0.5 (ASSUMPTION: poorest Tajik region). Takhar and Kunduz legitimacy 0.15
 * (ASSUMPTION: insurgents control border districts and tax the drug trade, per the same essay).
 */
export const CORRIDOR_PROVINCES: readonly ProvinceAttributes[] = [
  province("Russia", "RU", 0.05, { market: market(75, 30_000) }),
  province("Kazakhstan", "KZ", 0.1, {
    market: market(6, 16_400, [
      [3, 7],
      [10, 6],
    ]),
  }),
  province("Xinjiang", "CN", 0.3, { market: market(3, 16_400) }),
  province("Uzbekistan", "UZ", 0.15),
  province("Osh", "KG", 0.6, { legitimacy: 0.3, market: market(3, 8_950, [[10, 14]]) }),
  province("Dushanbe", "TJ", 0.5, { legitimacy: 0.5, market: market(3, 2_450, [[11, 18]]) }),
  province("Khatlon", "TJ", 0.3),
  province("GBAO", "TJ", 0.9, { stateCapacity: 0.08, legitimacy: 0.2, hardship: 0.5 }),
  province("Balkh", "AF", 0.1),
  province("Kunduz", "AF", 0.2, { legitimacy: 0.15, productionKgPerDay: perProducer }),
  province("Takhar", "AF", 0.4, { legitimacy: 0.15, productionKgPerDay: perProducer }),
  province("Badakhshan", "AF", 0.85, { hardship: 0.5, productionKgPerDay: perProducer }),
];

/** The corridor map as a RegionMap (what a scenario file with this map would load to). */
export function corridorRegionMap(): RegionMap {
  const res = parseAsciiMap(
    CORRIDOR_ASCII,
    CORRIDOR_LEGEND.map(([ch, e]) => [ch, e]),
  );
  if (!res.ok) throw new Error(`corridor map is invalid: ${res.problems[0]?.message}`);
  return res.map;
}

/** The corridor world, built. Throws only if the constants above are inconsistent (a test guards it). */
export function corridorWorld(): World {
  const res = buildWorld(corridorRegionMap(), CORRIDOR_PROVINCES);
  if (!res.ok)
    throw new Error(
      `corridor world is invalid: ${res.problems.map((e) => `${e.path} ${e.message}`).join("; ")}`,
    );
  return res.world;
}
