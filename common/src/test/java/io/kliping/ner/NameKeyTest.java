package io.kliping.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void spellingVariantsShareOneKey() {
        assertThat(NameKey.of("Sergey Lavrov")).isEqualTo(NameKey.of("Sergei Lavrov"))
            .isEqualTo(NameKey.of("SERGEI  LAVROV"));
        assertThat(NameKey.of("Kim Jong-un")).isEqualTo(NameKey.of("Kim Jong Un"));
        assertThat(NameKey.of("Recep Tayyip Erdoğan")).isEqualTo(NameKey.of("Recep Tayyip Erdogan"));
        assertThat(NameKey.of("Soeharto")).isEqualTo(NameKey.of("Suharto"));
        assertThat(NameKey.of("Volodymyr Zelenskyy")).isEqualTo(NameKey.of("Vladimir Zelensky"));
        assertThat(NameKey.of("Dmitriy Peskov")).isEqualTo(NameKey.of("Dmitry Peskov"));
        assertThat(NameKey.of("Mohammed bin Salman")).isEqualTo(NameKey.of("Muhammad bin Salman"));
        assertThat(NameKey.of("Aleksandr Lukashenko")).isEqualTo(NameKey.of("Alexandr Lukashenko"));
    }

    @Test
    void differentNamesStayApart() {
        assertThat(NameKey.of("Choe Son Hui")).isEqualTo("choe son hui");
        assertThat(NameKey.of("Sergei Lavrov")).isNotEqualTo(NameKey.of("Sergei Ryabkov"));
        assertThat(NameKey.of("Jakarta")).isNotEqualTo(NameKey.of("Jayapura"));
    }

    @Test
    void middleInitialsAreDroppedFirstAndLastWordsKept() {
        assertThat(NameKey.withoutMiddleInitials(NameKey.of("Yasonna H. Laoly")))
            .isEqualTo(NameKey.of("Yasonna Laoly"));
        assertThat(NameKey.withoutMiddleInitials(NameKey.of("Bambang P.S. Brodjonegoro")))
            .isEqualTo("bambang brojonegoro");
        assertThat(NameKey.withoutMiddleInitials(NameKey.of("Laode Muhammad Syarif")))
            .isEqualTo("laode muhammad syarif");
        assertThat(NameKey.withoutMiddleInitials("i gede nyeneng")).isEqualTo("i gede nyeneng");
        assertThat(NameKey.withoutMiddleInitials("m nasir")).isEqualTo("m nasir");
        assertThat(NameKey.withoutMiddleInitials("a b")).isEqualTo("a b");
    }

    @Test
    void slugIsAnIdPart() {
        assertThat(NameKey.slug(NameKey.of("Kim Jong-un"))).isEqualTo("kim_jong_un");
        assertThat(NameKey.slug(NameKey.of("O'Brien"))).isEqualTo("o_brien");
    }
}
