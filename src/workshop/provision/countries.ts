/**
 * The continents and country codes the fleet is spread over (features.md 4.4). Continent
 * names stay in English, as the reference shows them; they double as `--continent` values.
 */
export interface Continent {
  /** 1-based menu number. */
  number: number;
  name: string;
  countries: readonly string[];
  /** How many of the first countries are used when the user just presses Enter. */
  defaultCountries: number;
}

const list = (codes: string) => codes.split(" ");

export const CONTINENTS: readonly Continent[] = [
  {
    number: 1,
    name: "North America",
    countries: list("US CA MX GT BZ SV HN NI CR PA CU JM HT DO BS BB TT GD VC LC AG KN DM"),
    defaultCountries: 3,
  },
  {
    number: 2,
    name: "South America",
    countries: list("BR AR CL CO PE VE EC BO PY UY GY SR GF"),
    defaultCountries: 2,
  },
  {
    number: 3,
    name: "Europe",
    countries: list(
      "DE FR GB IT ES NL BE AT CH PT GR SE NO DK FI IE PL CZ HU SK SI HR BA RS ME MK AL BG RO MD UA BY LT LV EE RU IS MT CY LU LI AD MC SM VA",
    ),
    defaultCountries: 2,
  },
  {
    number: 4,
    name: "Asia",
    countries: list(
      "CN JP IN KR SG TH VN MY ID PH MM KH LA BN TL MN KZ UZ TM TJ KG AF PK BD LK MV BT NP IR IQ SY LB JO IL PS SA YE OM AE QA BH KW TR GE AM AZ",
    ),
    defaultCountries: 2,
  },
  {
    number: 5,
    name: "Africa",
    countries: list(
      "ZA NG EG KE MA DZ TN LY SD SS ET ER DJ SO UG TZ RW BI CD CG CF CM TD NE ML BF CI GH TG BJ SN GM GW GN SL LR MR CV ST GQ GA AO NA BW ZW ZM MW MZ SZ LS MG MU SC KM",
    ),
    defaultCountries: 2,
  },
  {
    number: 6,
    name: "Oceania",
    countries: list("AU NZ FJ PG SB VU NC PF WS TO KI TV NR PW FM MH GU AS MP CK NU TK"),
    defaultCountries: 2,
  },
  // One country only: the default of 2 is capped to what exists.
  { number: 7, name: "Antarctica", countries: ["AQ"], defaultCountries: 1 },
];

export const DEFAULT_CONTINENT = CONTINENTS[0];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

/** A continent by menu number ("3") or name in any case and spacing ("north-america"). */
export function findContinent(value: string): Continent | undefined {
  const v = value.trim();
  if (/^\d+$/.test(v)) return CONTINENTS.find((c) => c.number === Number(v));
  return CONTINENTS.find((c) => squash(c.name) === squash(v));
}
