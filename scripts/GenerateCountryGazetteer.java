/*
 * Generates conf/gazetteer/countries.tsv from the JDK's ISO 3166 country list and CLDR names.
 *
 *   java scripts/GenerateCountryGazetteer.java > conf/gazetteer/countries.tsv
 *
 * A single-file program (Java 17+, no build, no dependencies). Output is deterministic for a given
 * JDK (CLDR) version. Ids: a Wikidata QID where it is certain (table QIDS below, checked against
 * Wikidata), otherwise iso:XX. curated.tsv must use the same ids for the same countries; the
 * entity tests fail on any alias that the merged files map to two ids.
 */
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

public class GenerateCountryGazetteer {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    /** ISO code -> Wikidata QID, only sovereign states whose QID is certain. Others get iso:XX. */
    private static final Map<String, String> QIDS = Map.ofEntries(
            // Asia
            Map.entry("AF", "Q889"), Map.entry("AE", "Q878"), Map.entry("AM", "Q399"), Map.entry("AZ", "Q227"),
            Map.entry("BD", "Q902"), Map.entry("BH", "Q398"), Map.entry("BN", "Q921"), Map.entry("BT", "Q917"),
            Map.entry("CN", "Q148"), Map.entry("GE", "Q230"), Map.entry("HK", "Q8646"), Map.entry("ID", "Q252"),
            Map.entry("IL", "Q801"), Map.entry("IN", "Q668"), Map.entry("IQ", "Q796"), Map.entry("IR", "Q794"),
            Map.entry("JO", "Q810"), Map.entry("JP", "Q17"), Map.entry("KG", "Q813"), Map.entry("KH", "Q424"),
            Map.entry("KP", "Q423"), Map.entry("KR", "Q884"), Map.entry("KW", "Q817"), Map.entry("KZ", "Q232"),
            Map.entry("LA", "Q819"), Map.entry("LB", "Q822"), Map.entry("LK", "Q854"), Map.entry("MM", "Q836"),
            Map.entry("MN", "Q711"), Map.entry("MV", "Q826"), Map.entry("MY", "Q833"), Map.entry("NP", "Q837"),
            Map.entry("OM", "Q842"), Map.entry("PH", "Q928"), Map.entry("PK", "Q843"), Map.entry("PS", "Q219060"),
            Map.entry("QA", "Q846"), Map.entry("SA", "Q851"), Map.entry("SG", "Q334"), Map.entry("SY", "Q858"),
            Map.entry("TH", "Q869"), Map.entry("TJ", "Q863"), Map.entry("TL", "Q574"), Map.entry("TM", "Q874"),
            Map.entry("TW", "Q865"), Map.entry("UZ", "Q265"), Map.entry("VN", "Q881"), Map.entry("YE", "Q805"),
            // Europe
            Map.entry("AD", "Q228"), Map.entry("AL", "Q222"), Map.entry("AT", "Q40"), Map.entry("BA", "Q225"),
            Map.entry("BE", "Q31"), Map.entry("BG", "Q219"), Map.entry("BY", "Q184"), Map.entry("CH", "Q39"),
            Map.entry("CY", "Q229"), Map.entry("CZ", "Q213"), Map.entry("DE", "Q183"), Map.entry("DK", "Q35"),
            Map.entry("EE", "Q191"), Map.entry("ES", "Q29"), Map.entry("FI", "Q33"), Map.entry("FR", "Q142"),
            Map.entry("GB", "Q145"), Map.entry("GR", "Q41"), Map.entry("HR", "Q224"), Map.entry("HU", "Q28"),
            Map.entry("IE", "Q27"), Map.entry("IS", "Q189"), Map.entry("IT", "Q38"), Map.entry("LI", "Q347"),
            Map.entry("LT", "Q37"), Map.entry("LU", "Q32"), Map.entry("LV", "Q211"), Map.entry("MC", "Q235"),
            Map.entry("MD", "Q217"), Map.entry("ME", "Q236"), Map.entry("MK", "Q221"), Map.entry("MT", "Q233"),
            Map.entry("NL", "Q55"), Map.entry("NO", "Q20"), Map.entry("PL", "Q36"), Map.entry("PT", "Q45"),
            Map.entry("RO", "Q218"), Map.entry("RS", "Q403"), Map.entry("RU", "Q159"), Map.entry("SE", "Q34"),
            Map.entry("SI", "Q215"), Map.entry("SK", "Q214"), Map.entry("SM", "Q238"), Map.entry("TR", "Q43"),
            Map.entry("UA", "Q212"), Map.entry("VA", "Q237"),
            // Africa
            Map.entry("BF", "Q965"), Map.entry("BI", "Q967"), Map.entry("BW", "Q963"), Map.entry("CD", "Q974"),
            Map.entry("CF", "Q929"), Map.entry("CG", "Q971"), Map.entry("CI", "Q1008"), Map.entry("CM", "Q1009"),
            Map.entry("CV", "Q1011"), Map.entry("DJ", "Q977"), Map.entry("DZ", "Q262"), Map.entry("EG", "Q79"),
            Map.entry("EH", "Q6250"), Map.entry("ER", "Q986"), Map.entry("ET", "Q115"), Map.entry("GA", "Q1000"),
            Map.entry("GH", "Q117"), Map.entry("GM", "Q1005"), Map.entry("GN", "Q1006"), Map.entry("GQ", "Q983"),
            Map.entry("GW", "Q1007"), Map.entry("KE", "Q114"), Map.entry("KM", "Q970"), Map.entry("LR", "Q1014"),
            Map.entry("LS", "Q1013"), Map.entry("LY", "Q1016"), Map.entry("MA", "Q1028"), Map.entry("MG", "Q1019"),
            Map.entry("ML", "Q912"), Map.entry("MR", "Q1025"), Map.entry("MU", "Q1027"), Map.entry("MW", "Q1020"),
            Map.entry("MZ", "Q1029"), Map.entry("NA", "Q1030"), Map.entry("NE", "Q1032"), Map.entry("NG", "Q1033"),
            Map.entry("RW", "Q1037"), Map.entry("SC", "Q1042"), Map.entry("SD", "Q1049"), Map.entry("SL", "Q1044"),
            Map.entry("SN", "Q1041"), Map.entry("SO", "Q1045"), Map.entry("SS", "Q958"), Map.entry("ST", "Q1039"),
            Map.entry("SZ", "Q1050"), Map.entry("TD", "Q657"), Map.entry("TG", "Q945"), Map.entry("TN", "Q948"),
            Map.entry("TZ", "Q924"), Map.entry("UG", "Q1036"), Map.entry("ZA", "Q258"), Map.entry("ZM", "Q953"),
            Map.entry("ZW", "Q954"),
            // Americas
            Map.entry("AG", "Q781"), Map.entry("AR", "Q414"), Map.entry("BB", "Q244"), Map.entry("BO", "Q750"),
            Map.entry("BR", "Q155"), Map.entry("BS", "Q778"), Map.entry("BZ", "Q242"), Map.entry("CA", "Q16"),
            Map.entry("CL", "Q298"), Map.entry("CO", "Q739"), Map.entry("CR", "Q800"), Map.entry("CU", "Q241"),
            Map.entry("DO", "Q786"), Map.entry("EC", "Q736"), Map.entry("GD", "Q769"), Map.entry("GT", "Q774"),
            Map.entry("GY", "Q734"), Map.entry("HN", "Q783"), Map.entry("HT", "Q790"), Map.entry("JM", "Q766"),
            Map.entry("KN", "Q763"), Map.entry("LC", "Q760"), Map.entry("MX", "Q96"), Map.entry("NI", "Q811"),
            Map.entry("PA", "Q804"), Map.entry("PE", "Q419"), Map.entry("PY", "Q733"), Map.entry("SR", "Q730"),
            Map.entry("SV", "Q792"), Map.entry("TT", "Q754"), Map.entry("US", "Q30"), Map.entry("UY", "Q77"),
            Map.entry("VC", "Q757"), Map.entry("VE", "Q717"),
            // Oceania
            Map.entry("AU", "Q408"), Map.entry("FJ", "Q712"), Map.entry("FM", "Q702"), Map.entry("KI", "Q710"),
            Map.entry("MH", "Q709"), Map.entry("NR", "Q697"), Map.entry("NZ", "Q664"), Map.entry("PG", "Q691"),
            Map.entry("PW", "Q695"), Map.entry("SB", "Q685"), Map.entry("VU", "Q686"), Map.entry("WS", "Q683"));

    /** CLDR names that read badly in news text, replaced by {Indonesian, English}. */
    private static final Map<String, List<String>> NAME_OVERRIDES = Map.of(
            "CD", List.of("Republik Demokratik Kongo", "Democratic Republic of the Congo"),
            "CG", List.of("Republik Kongo", "Republic of the Congo"),
            "HK", List.of("Hong Kong", "Hong Kong"),
            "MO", List.of("Makau", "Macau"),
            "PS", List.of("Palestina", "Palestine"),
            "SZ", List.of("Eswatini", "Eswatini"));

    /** Common extra forms (Indonesian and English short/long forms), matched case-insensitively. */
    private static final Map<String, List<String>> EXTRA_ALIASES = Map.ofEntries(
            Map.entry("AE", List.of("Emirat Arab")),
            Map.entry("BN", List.of("Brunei Darussalam")),
            Map.entry("CD", List.of("DR Congo", "RD Kongo", "Kongo-Kinshasa", "Congo-Kinshasa")),
            Map.entry("CG", List.of("Kongo-Brazzaville", "Congo-Brazzaville")),
            Map.entry("CI", List.of("Pantai Gading", "Ivory Coast")),
            Map.entry("CN", List.of("Cina", "Republik Rakyat Tiongkok", "Republik Rakyat China", "People's Republic of China")),
            Map.entry("CV", List.of("Cabo Verde")),
            Map.entry("CZ", List.of("Republik Ceko", "Czech Republic")),
            Map.entry("GB", List.of("Inggris", "Britania Raya", "Britain", "Great Britain")),
            Map.entry("ID", List.of("Republik Indonesia")),
            Map.entry("MM", List.of("Burma")),
            Map.entry("MO", List.of("Macao")),
            Map.entry("NL", List.of("Kerajaan Belanda")),
            Map.entry("PH", List.of("Republik Filipina")),
            Map.entry("PS", List.of("Negara Palestina", "State of Palestine", "Palestinian Territories")),
            Map.entry("SA", List.of("Saudi", "Kerajaan Arab Saudi")),
            Map.entry("SZ", List.of("Swaziland")),
            Map.entry("TL", List.of("East Timor", "Timor Lorosae")),
            Map.entry("TR", List.of("Turkiye", "Türkiye")),
            Map.entry("VA", List.of("Vatican")),
            Map.entry("VN", List.of("Viet Nam")));

    /** Extra forms matched exactly (acronyms, or names that are also common lower-case words). */
    private static final Map<String, List<String>> EXTRA_CASE_SENSITIVE = Map.ofEntries(
            Map.entry("AE", List.of("UEA", "UAE")),
            Map.entry("CD", List.of("DRC")),
            Map.entry("CN", List.of("RRT", "RRC", "PRC")),
            Map.entry("GB", List.of("UK")),
            Map.entry("ID", List.of("RI", "NKRI")));

    /** Country names that are also ordinary lower-case words (turkey, jersey, china...). */
    private static final Set<String> CASE_SENSITIVE_NAMES = Set.of(
            "Bermuda", "Chad", "Chile", "China", "Cuba", "Guernsey", "Guinea", "Jersey", "Niger", "Panama", "Turkey");

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        out.append("""
                # GENERATED by scripts/GenerateCountryGazetteer.java from the JDK's ISO 3166 list and CLDR names
                # (Indonesian and English). Do not edit by hand: change the script and regenerate with
                #   java scripts/GenerateCountryGazetteer.java > conf/gazetteer/countries.tsv
                # Hand-curated extras for a country (AS, Korut, Korsel...) live in curated.tsv under the SAME id.
                #
                # entity_id<TAB>type<TAB>name<TAB>aliases (|-separated)<TAB>case_sensitive_aliases (|-separated)
                # The name is implicitly an alias. Ids: Wikidata QID where certain, otherwise iso:XX.
                """);
        out.append("# JDK: ").append(System.getProperty("java.version")).append('\n');
        for (String code : new TreeSet<>(Set.of(Locale.getISOCountries()))) {
            out.append(line(code)).append('\n');
        }
        System.out.print(out);
    }

    private static String line(String code) {
        Locale country = new Locale("", code);
        List<String> override = NAME_OVERRIDES.get(code);
        String indonesian = override != null ? override.get(0) : clean(country.getDisplayCountry(INDONESIAN));
        String english = override != null ? override.get(1) : clean(country.getDisplayCountry(Locale.ENGLISH));

        Set<String> forms = new LinkedHashSet<>();
        addWithVariants(forms, indonesian, "dan");
        addWithVariants(forms, english, "and");
        if (override != null) {
            addWithVariants(forms, clean(country.getDisplayCountry(INDONESIAN)), "dan");
            addWithVariants(forms, clean(country.getDisplayCountry(Locale.ENGLISH)), "and");
        }
        for (String extra : EXTRA_ALIASES.getOrDefault(code, List.of())) {
            addWithVariants(forms, extra, "and");
        }

        Set<String> caseSensitive = new LinkedHashSet<>(EXTRA_CASE_SENSITIVE.getOrDefault(code, List.of()));
        for (String form : forms) {
            if (CASE_SENSITIVE_NAMES.contains(form)) {
                caseSensitive.add(form);
            }
        }
        forms.remove(indonesian);
        forms.removeAll(caseSensitive);

        String id = QIDS.getOrDefault(code, "iso:" + code);
        return String.join("\t", id, "LOCATION", indonesian, String.join("|", forms), String.join("|", caseSensitive));
    }

    /** Drops CLDR's parenthesised qualifiers: "Myanmar (Burma)" -> "Myanmar". */
    private static String clean(String name) {
        return name.replaceAll("\\s*\\([^)]*\\)", "").strip();
    }

    /** Adds the form plus its "&" -> and/dan, "St." -> "Saint" and accent-free spellings. */
    private static void addWithVariants(Set<String> forms, String form, String and) {
        List<String> variants = new ArrayList<>();
        variants.add(form);
        if (form.contains(" & ")) {
            variants.add(form.replace(" & ", " " + and + " "));
        }
        if (form.startsWith("St. ")) {
            variants.add("Saint " + form.substring(4));
        }
        for (String variant : List.copyOf(variants)) {
            String ascii = Normalizer.normalize(variant, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .replace('\u2019', '\'');
            variants.add(ascii);
        }
        forms.addAll(variants);
    }
}
