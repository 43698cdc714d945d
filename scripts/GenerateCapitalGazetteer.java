import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes conf/gazetteer/capitals.tsv: the capital of every sovereign state as a LOCATION entity
 * with its Indonesian and English names. Capitals already in curated.tsv (with their QIDs and
 * extra aliases) or whose name is a country name in countries.tsv (city-states such as
 * Singapura, Monako) are skipped, so the three files load without ambiguous aliases.
 *
 * <p>Run from the project root: {@code java scripts/GenerateCapitalGazetteer.java >
 * conf/gazetteer/capitals.tsv}. Edit the table below, not the generated file.
 */
public class GenerateCapitalGazetteer {
    /**
     * ISO 3166-1 alpha-2 | English name | Indonesian name (blank = same) | extra aliases (;) |
     * "cs" when the name is also an ordinary word or a given name (Lima is "five", Male, Santiago):
     * then its main name is matched case-sensitively. Victoria (Seychelles) is left out: the
     * name is mostly a person or an Australian state in news.
     */
    private static final String[] CAPITALS = {
        "AF|Kabul||", "AL|Tirana||", "DZ|Algiers|Aljir|", "AD|Andorra la Vella||", "AO|Luanda||",
        "AG|St. John's|Saint John's|", "AR|Buenos Aires||", "AM|Yerevan||", "AU|Canberra||",
        "AT|Vienna|Wina|Wien", "AZ|Baku||", "BS|Nassau|||cs", "BH|Manama||", "BD|Dhaka||",
        "BB|Bridgetown||", "BY|Minsk||", "BE|Brussels|Brussel|Bruxelles", "BZ|Belmopan||",
        "BJ|Porto-Novo||", "BT|Thimphu||", "BO|Sucre|||cs", "BA|Sarajevo||", "BW|Gaborone||",
        "BR|Brasília|Brasilia|", "BN|Bandar Seri Begawan||", "BG|Sofia||", "BF|Ouagadougou||",
        "BI|Gitega||", "KH|Phnom Penh||", "CM|Yaoundé|Yaounde|", "CA|Ottawa||", "CV|Praia|||cs",
        "CF|Bangui||", "TD|N'Djamena||", "CL|Santiago|||cs", "CN|Beijing|Beijing|Peking",
        "CO|Bogotá|Bogota|", "KM|Moroni||", "CG|Brazzaville||", "CD|Kinshasa||",
        "CR|San José|San Jose|", "CI|Yamoussoukro||", "HR|Zagreb||", "CU|Havana|Havana|La Habana",
        "CY|Nicosia||", "CZ|Prague|Praha|", "DK|Copenhagen|Kopenhagen|", "DJ|Djibouti City|Kota Djibouti|",
        "DM|Roseau||", "DO|Santo Domingo||", "TL|Dili||", "EC|Quito||", "EG|Cairo|Kairo|",
        "SV|San Salvador||", "GQ|Malabo||", "ER|Asmara||", "EE|Tallinn||", "SZ|Mbabane||",
        "ET|Addis Ababa||", "FJ|Suva|||cs", "FI|Helsinki||", "FR|Paris||", "GA|Libreville||",
        "GM|Banjul||", "GE|Tbilisi||", "DE|Berlin||", "GH|Accra||", "GR|Athens|Athena|",
        "GD|St. George's|Saint George's|", "GT|Guatemala City|Kota Guatemala|", "GN|Conakry||",
        "GW|Bissau||", "GY|Georgetown|||cs", "HT|Port-au-Prince||", "HN|Tegucigalpa||",
        "HU|Budapest||", "IS|Reykjavík|Reykjavik|", "IN|New Delhi||", "ID|Jakarta||",
        "IR|Tehran|Teheran|", "IQ|Baghdad|Bagdad|", "IE|Dublin||", "IL|Jerusalem|Yerusalem|",
        "IT|Rome|Roma||cs", "JM|Kingston|||cs", "JP|Tokyo||", "JO|Amman||", "KZ|Astana||",
        "KE|Nairobi||", "KI|Tarawa|||cs", "KW|Kuwait City|Kota Kuwait|", "KG|Bishkek||",
        "LA|Vientiane|Vientiane|", "LV|Riga||", "LB|Beirut||", "LS|Maseru||", "LR|Monrovia||",
        "LY|Tripoli||", "LI|Vaduz||", "LT|Vilnius||", "LU|Luxembourg City|Kota Luksemburg|",
        "MG|Antananarivo||", "MW|Lilongwe||", "MY|Kuala Lumpur||", "MV|Malé|Male||cs",
        "ML|Bamako||", "MT|Valletta||", "MH|Majuro||", "MR|Nouakchott||", "MU|Port Louis||",
        "MX|Mexico City|Kota Meksiko|Ciudad de México", "FM|Palikir||", "MD|Chișinău|Chisinau|",
        "MC|Monaco||", "MN|Ulaanbaatar|Ulan Bator|", "ME|Podgorica||", "MA|Rabat||",
        "MZ|Maputo||", "MM|Naypyidaw|Naypyidaw|Nay Pyi Taw", "NA|Windhoek||", "NR|Yaren||",
        "NP|Kathmandu||", "NL|Amsterdam||", "NZ|Wellington||",
        "NI|Managua||", "NE|Niamey||", "NG|Abuja||", "KP|Pyongyang||", "MK|Skopje||",
        "NO|Oslo||", "OM|Muscat||", "PK|Islamabad||", "PW|Ngerulmud||", "PS|Ramallah||",
        "PA|Panama City|Kota Panama|", "PG|Port Moresby||", "PY|Asunción|Asuncion|",
        "PE|Lima|||cs", "PH|Manila||", "PL|Warsaw|Warsawa|", "PT|Lisbon|Lisboa|", "QA|Doha||",
        "RO|Bucharest|Bukares|", "RU|Moscow|Moskow|", "RW|Kigali||", "KN|Basseterre||",
        "LC|Castries||", "VC|Kingstown||", "WS|Apia|||cs", "SM|San Marino||",
        "ST|São Tomé|Sao Tome||cs", "SA|Riyadh||", "SN|Dakar||", "RS|Belgrade|Beograd|",
        "SL|Freetown||", "SG|Singapore|Singapura|", "SK|Bratislava||",
        "SI|Ljubljana||", "SB|Honiara||", "SO|Mogadishu|Mogadishu|", "ZA|Pretoria||",
        "KR|Seoul||", "SS|Juba|||cs", "ES|Madrid||", "LK|Sri Jayawardenepura Kotte||",
        "SD|Khartoum||", "SR|Paramaribo||", "SE|Stockholm||", "CH|Bern||Berne|cs",
        "SY|Damascus|Damaskus|", "TW|Taipei||", "TJ|Dushanbe||", "TZ|Dodoma||",
        "TH|Bangkok||", "TG|Lomé|Lome|", "TO|Nuku'alofa||", "TT|Port of Spain||",
        "TN|Tunis||", "TR|Ankara||", "TM|Ashgabat||", "TV|Funafuti|||cs", "UG|Kampala||",
        "UA|Kyiv||Kiev", "AE|Abu Dhabi||", "GB|London||", "US|Washington, D.C.||",
        "UY|Montevideo||", "UZ|Tashkent||", "VU|Port Vila||", "VA|Vatican City|Kota Vatikan|",
        "VE|Caracas||", "VN|Hanoi||", "YE|Sanaa|Sana'a|", "ZM|Lusaka||", "ZW|Harare||",
        "XK|Pristina||",
    };

    public static void main(String[] args) throws IOException {
        Set<String> known = new HashSet<>();
        for (String file : new String[] {"conf/gazetteer/curated.tsv", "conf/gazetteer/countries.tsv"}) {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                // name, aliases, case-sensitive aliases; not sports aliases ("Madrid" of Real
                // Madrid), which are never matched and so leave the capital unlisted
                for (int c = 2; c < Math.min(cols.length, 5); c++) {
                    for (String form : cols[c].split("\\|")) {
                        known.add(key(form));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# GENERATED by scripts/GenerateCapitalGazetteer.java; do not edit (edit the script's"
            + " table).\n# Capitals not already in curated.tsv; see README.md in this folder.\n");
        for (String row : CAPITALS) {
            String[] f = row.split("\\|", -1);
            String english = f[1];
            String indonesian = f[2].isEmpty() ? english : f[2];
            Set<String> forms = new LinkedHashSet<>();
            forms.add(indonesian);
            forms.add(english);
            if (!f[3].isEmpty()) {
                for (String extra : f[3].split(";")) {
                    forms.add(extra);
                }
            }
            boolean clash = false;
            for (String form : forms) {
                clash |= known.contains(key(form));
            }
            if (clash) {
                continue;
            }
            forms.forEach(form -> known.add(key(form)));
            forms.remove(indonesian);
            String id = "kl:loc/" + slug(english);
            boolean caseSensitive = f.length > 4 && f[4].equals("cs");
            out.append(id).append('\t').append("LOCATION").append('\t').append(indonesian)
                .append('\t').append(String.join("|", forms));
            if (caseSensitive) {
                out.append('\t').append(indonesian);
            }
            out.append('\n');
        }
        System.out.print(out);
    }

    private static String key(String form) {
        return form.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", " ");
    }

    private static String slug(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
