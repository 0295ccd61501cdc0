/**
 * Natural Earth admin-1 features → current province names and ISO 3166-2 codes. Natural Earth
 * keeps Soviet-era names in places (Leninabad, Chardzhou, Tashauz, South Kazakhstan), mislabels
 * two Afghan provinces (Panjshir and Daykundi carry Parwan's and Uruzgan's codes) and predates
 * Kazakhstan's 2022 numeric ISO codes; this table is the one place those are put right.
 * It is keyed by Natural Earth's stable `adm1_code`, so a source release that renumbers
 * features fails the build instead of mislabelling provinces silently.
 */

/** The countries of the map, in id order (country id = index + 1; 0 is "outside the region"). */
export const COUNTRIES = ["AF", "TJ", "KG", "UZ", "KZ", "TM", "CN"] as const;

/** ISO 3166-1 alpha-2 code of a map country. */
export type CountryCode = (typeof COUNTRIES)[number];

/** English country names, for legends. */
export const COUNTRY_NAMES: Record<CountryCode, string> = {
  AF: "Afghanistan",
  TJ: "Tajikistan",
  KG: "Kyrgyzstan",
  UZ: "Uzbekistan",
  KZ: "Kazakhstan",
  TM: "Turkmenistan",
  CN: "China",
};

/** Current name and code of a province, and what Natural Earth called it when that differs. */
export interface ProvinceName {
  /** ISO 3166-2 code in force (Kazakhstan: the numeric codes of the 2022 ISO newsletter). */
  iso: string;
  /** Current English name. */
  name: string;
  /** Natural Earth's name or code, when it is outdated or wrong. */
  was?: string;
}

const p = (iso: string, name: string, was?: string): ProvinceName =>
  was ? { iso, name, was } : { iso, name };

/** Every Natural Earth admin-1 feature of the map countries that reaches into the 60–80° E, 34–46° N box. */
export const NE_PROVINCES: Readonly<Record<string, ProvinceName>> = {
  "AFG-1741": p("AF-BDG", "Badghis"),
  "AFG-1742": p("AF-HER", "Herat", "Hirat"),
  "AFG-1743": p("AF-BAM", "Bamyan"),
  "AFG-1744": p("AF-BAL", "Balkh"),
  "AFG-1745": p("AF-FYB", "Faryab"),
  "AFG-1746": p("AF-JOW", "Jowzjan", "Jawzjan"),
  "AFG-1747": p("AF-GHO", "Ghor"),
  "AFG-1748": p("AF-SAR", "Sar-e Pol", "Sari Pul"),
  "AFG-1753": p("AF-DAY", "Daykundi", "Uruzgan (AF-URU)"),
  "AFG-1757": p("AF-GHA", "Ghazni"),
  "AFG-1760": p("AF-BDS", "Badakhshan"),
  "AFG-1761": p("AF-NUR", "Nuristan"),
  "AFG-1762": p("AF-KNR", "Kunar"),
  "AFG-1763": p("AF-KDZ", "Kunduz"),
  "AFG-1764": p("AF-NAN", "Nangarhar"),
  "AFG-1765": p("AF-TAK", "Takhar"),
  "AFG-1766": p("AF-BGL", "Baghlan"),
  "AFG-1767": p("AF-KAB", "Kabul"),
  "AFG-1768": p("AF-KAP", "Kapisa"),
  "AFG-1769": p("AF-PAN", "Panjshir", "Parwan (AF-PAR)"),
  "AFG-1770": p("AF-LAG", "Laghman"),
  "AFG-1771": p("AF-LOG", "Logar"),
  "AFG-1772": p("AF-PAR", "Parwan"),
  "AFG-1773": p("AF-SAM", "Samangan"),
  "AFG-1774": p("AF-WAR", "Maidan Wardak", "Wardak"),
  "AFG-3413": p("AF-PIA", "Paktia", "Paktya (AF-PKA)"),
  "CHN-1756": p("CN-XJ", "Xinjiang"),
  // Baikonur is leased to Russia but legally part of Kyzylorda region; ISO gives it no code.
  "KAB+00?": p("KZ-43", "Kyzylorda", "Baykonur lease in Qyzylorda"),
  "KAZ-3197": p("KZ-43", "Kyzylorda", "Qyzylorda (KZ-KZY)"),
  "KAZ-3203": p("KZ-35", "Karaganda", "Qaraghandy (KZ-KAR)"),
  "KAZ-3207": p("KZ-19", "Almaty Region", "Almaty (KZ-ALA)"),
  "KAZ-3251": p("KZ-61", "Turkistan", "South Kazakhstan (KZ-YUZ)"),
  "KAZ-3252": p("KZ-31", "Jambyl", "Zhambyl (KZ-ZHA)"),
  "KAZ-4829": p("KZ-75", "Almaty", "Almaty City (KZ-ALA)"),
  "KGZ-1115": p("KG-GB", "Bishkek"),
  "KGZ-1116": p("KG-C", "Chuy"),
  "KGZ-1117": p("KG-Y", "Issyk-Kul", "Ysyk-Köl"),
  "KGZ-1118": p("KG-N", "Naryn"),
  "KGZ-1119": p("KG-B", "Batken"),
  "KGZ-1120": p("KG-J", "Jalal-Abad"),
  "KGZ-1121": p("KG-T", "Talas"),
  "KGZ-1122": p("KG-O", "Osh"),
  "TJK-366": p("TJ-GB", "Gorno-Badakhshan"),
  "TJK-367": p("TJ-KT", "Khatlon"),
  "TJK-368": p("TJ-RA", "Districts of Republican Subordination", "Tadzhikistan Territories (TJ-X01~)"),
  "TJK-369": p("TJ-SU", "Sughd", "Leninabad"),
  "TJK-5491": p("TJ-DU", "Dushanbe"),
  "TKM-352": p("TM-A", "Ahal"),
  "TKM-353": p("TM-D", "Daşoguz", "Tashauz"),
  "TKM-359": p("TM-L", "Lebap", "Chardzhou"),
  "TKM-360": p("TM-M", "Mary"),
  "UZB-354": p("UZ-BU", "Bukhara", "Bukhoro"),
  "UZB-355": p("UZ-XO", "Khorezm"),
  "UZB-356": p("UZ-QR", "Karakalpakstan"),
  "UZB-357": p("UZ-NW", "Navoiy", "Navoi"),
  "UZB-358": p("UZ-SA", "Samarkand"),
  "UZB-361": p("UZ-QA", "Kashkadarya"),
  "UZB-362": p("UZ-SU", "Surkhandarya"),
  "UZB-363": p("UZ-AN", "Andijan", "Andijon"),
  "UZB-364": p("UZ-FA", "Fergana", "Ferghana"),
  "UZB-365": p("UZ-NG", "Namangan"),
  "UZB-370": p("UZ-JI", "Jizzakh"),
  "UZB-371": p("UZ-SI", "Sirdaryo"),
  "UZB-372": p("UZ-TO", "Tashkent Region", "Tashkent"),
  "UZB-4828": p("UZ-TK", "Tashkent"),
};

/** Country code of an ISO 3166-2 province code ("TJ-GB" → "TJ"), or undefined when not a map country. */
export function countryOfIso(iso: string): CountryCode | undefined {
  const cc = iso.slice(0, 2);
  return (COUNTRIES as readonly string[]).includes(cc) ? (cc as CountryCode) : undefined;
}
