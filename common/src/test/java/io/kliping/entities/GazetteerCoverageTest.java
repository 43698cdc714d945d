package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped gazetteer covers what the entities stage promises: capitals of all countries
 * (capitals.tsv, generated) and the heads of state, government and foreign ministers of the G20
 * and ASEAN (curated.tsv), each found as one entity of the right type.
 */
class GazetteerCoverageTest {
    private static final EntityExtractor EXTRACTOR = EntityExtractor.fromGazetteer(Gazetteer.fromClasspath(
        List.of("kliping/gazetteer/curated.tsv", "kliping/gazetteer/countries.tsv",
            "kliping/gazetteer/capitals.tsv")));

    private static void foundAs(EntityType type, List<String> names) {
        for (String name : names) {
            List<Mention> mentions = EXTRACTOR.extract("Kabar dari " + name + " hari ini.");
            assertThat(mentions).as(name).hasSize(1);
            assertThat(mentions.get(0).surface()).as(name).isEqualTo(name);
            assertThat(mentions.get(0).entityType()).as(name).isEqualTo(type);
        }
    }

    @Test
    void capitalsOfEveryContinent() {
        foundAs(EntityType.LOCATION, List.of("Buenos Aires", "Brasilia", "Ottawa", "Kota Meksiko",
            "Roma", "Madrid", "Wina", "Warsawa", "Nairobi", "Abuja", "Pretoria", "Aljir", "Kabul",
            "Islamabad", "Dhaka", "Ulan Bator", "Astana", "Wellington", "Port Moresby", "Lima",
            "Bogota", "Canberra", "Hanoi", "Vientiane", "Naypyidaw", "Dili", "Seoul", "Tokyo"));
    }

    @Test
    void lowerCaseWordsAreNotCapitals() {
        assertThat(EXTRACTOR.extract("lima orang laki-laki, male and female")).isEmpty();
    }

    @Test
    void g20AndAseanLeadersAndForeignMinisters() {
        foundAs(EntityType.PERSON, List.of(
            // heads of state
            "Droupadi Murmu", "Frank-Walter Steinmeier", "Sergio Mattarella", "Naruhito",
            "Lee Jae-myung", "Xi Jinping", "Vladimir Putin", "Donald Trump", "Prabowo Subianto",
            "Recep Tayyip Erdogan", "Cyril Ramaphosa", "Javier Milei", "Claudia Sheinbaum",
            "Luiz Inácio Lula da Silva", "Emmanuel Macron", "Tharman Shanmugaratnam",
            "Sultan Ibrahim", "Maha Vajiralongkorn", "Norodom Sihamoni", "Luong Cuong",
            "Thongloun Sisoulith", "Min Aung Hlaing", "Hassanal Bolkiah", "José Ramos-Horta",
            // heads of government
            "Sébastien Lecornu", "Friedrich Merz", "Giorgia Meloni", "Keir Starmer", "Mark Carney",
            "Anthony Albanese", "Narendra Modi", "Li Qiang", "Kim Min-seok", "Sanae Takaichi",
            "Mikhail Mishustin", "Mohammed bin Salman", "Anwar Ibrahim", "Anutin Charnvirakul",
            "Lawrence Wong", "Pham Minh Chinh", "Hun Manet", "Sonexay Siphandone", "Xanana Gusmão",
            // foreign ministers
            "Sergey Lavrov", "Wang Yi", "Marco Rubio", "Sugiono", "Cho Hyun", "Toshimitsu Motegi",
            "Subrahmanyam Jaishankar", "Jean-Noël Barrot", "Johann Wadephul", "Antonio Tajani",
            "Yvette Cooper", "Anita Anand", "Penny Wong", "Mauro Vieira", "Pablo Quirno",
            "Juan Ramón de la Fuente", "Faisal bin Farhan", "Hakan Fidan", "Ronald Lamola",
            "Kaja Kallas", "Mohamad Hasan", "Sihasak Phuangketkeow", "Theresa Lazaro",
            "Bui Thanh Son", "Prak Sokhonn", "Thongsavanh Phomvihane", "Than Swe",
            "Vivian Balakrishnan", "Erywan Yusof", "Bendito Freitas"));
    }
}
