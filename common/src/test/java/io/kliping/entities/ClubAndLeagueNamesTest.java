package io.kliping.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.kliping.ner.NewsTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The club and league rules on one sentence, with the mentions found before them given. */
class ClubAndLeagueNamesTest {

    /** The names the rules find in {@code sentence}, given mentions of {@code found} surfaces. */
    private static List<String> names(String sentence, Mention... found) {
        NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(sentence, 0, sentence.length());
        List<String> out = new ArrayList<>();
        for (int[] name : ClubAndLeagueNames.find(tokens, tokens.strings(), List.of(found))) {
            out.add(sentence.substring(tokens.starts()[name[0]], tokens.ends()[name[1]]));
        }
        return out;
    }

    private static Mention mention(String sentence, String surface, EntityType type) {
        int start = sentence.indexOf(surface);
        return new Mention("id", surface, type, surface, 0, start, start + surface.length());
    }

    @Test
    void aClubIsTheNameBeforeItsClubWord() {
        assertThat(names("Hasil itu membuat Arema FC naik ke posisi dua."))
            .containsExactly("Arema FC");
        assertThat(names("Tim tamu Semen Padang FC menang tipis.")).containsExactly("Semen Padang FC");
        String s = "Laga Bali United melawan Persija berakhir imbang.";
        assertThat(names(s, mention(s, "Bali", EntityType.LOCATION))).containsExactly("Bali United");
    }

    @Test
    void titlesSentenceStartsAndPeopleAreNotClubNames() {
        assertThat(names("Ia ditunjuk sebagai Pelatih FC oleh manajemen.")).isEmpty();
        assertThat(names("Kemenangan United di Old Trafford disambut meriah.")).isEmpty();
        assertThat(names("- Gelandang United tampil buruk.")).isEmpty();
        String s = "Ia menyebut Solskjaer United dalam wawancara.";
        assertThat(names(s, mention(s, "Solskjaer", EntityType.PERSON))).isEmpty();
        String role = "Ia meminta kepada Manajer Man United agar bersabar.";
        assertThat(names(role, mention(role, "Manajer Man", EntityType.ORGANIZATION)))
            .containsExactly("Man United");
        String inside = "Ia pindah ke Manchester United musim lalu.";
        assertThat(names(inside, mention(inside, "Manchester United", EntityType.ORGANIZATION)))
            .isEmpty();
    }

    @Test
    void aLeagueIsItsWordAndTheNameAfterItButACupIsNoName() {
        assertThat(names("Ia tampil di Liga Champions musim ini.")).containsExactly("Liga Champions");
        String s = "Persib juara Liga 1 Indonesia tahun lalu.";
        assertThat(names(s, mention(s, "Indonesia", EntityType.LOCATION)))
            .containsExactly("Liga 1 Indonesia");
        String p = "Timnas lolos ke Liga Champions Asia 2023 di Qatar.";
        assertThat(names(p, mention(p, "Asia", EntityType.LOCATION), mention(p, "Qatar",
            EntityType.LOCATION))).containsExactly("Liga Champions Asia");
        assertThat(names("Laga Liga 2 Rabu malam ditunda.")).containsExactly("Liga 2");
        String aff = "Indonesia kalah di Liga AFF melawan Thailand.";
        assertThat(names(aff, mention(aff, "AFF", EntityType.ORGANIZATION),
            mention(aff, "Thailand", EntityType.LOCATION))).containsExactly("Liga AFF");
        String cup = "Timnas lolos ke Piala Asia di Qatar.";
        assertThat(names(cup, mention(cup, "Asia", EntityType.LOCATION))).isEmpty();
    }

    @Test
    void aLeagueWordInsideAnotherNameOrBeforeAPersonMakesNoName() {
        String s = "Sidang Liga Arab digelar di Kairo.";
        assertThat(names(s, mention(s, "Liga Arab", EntityType.ORGANIZATION))).isEmpty();
        String p = "Ia mendirikan Liga Joko Widodo kemarin.";
        assertThat(names(p, mention(p, "Joko Widodo", EntityType.PERSON))).isEmpty();
        assertThat(names("Pemain itu ke liga Inggris.")).isEmpty();
    }
}
