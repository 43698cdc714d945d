package io.kliping.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # scheme and host lower-cased, path case kept
          HTTPS://WWW.Fimela.COM/Parenting/Read/4058864 | https://www.fimela.com/Parenting/Read/4058864
          # default ports dropped, others kept
          http://kompas.com:80/read/1 | http://kompas.com/read/1
          https://kompas.com:443/read/1 | https://kompas.com/read/1
          https://kompas.com:8443/read/1 | https://kompas.com:8443/read/1
          # fragment dropped
          https://tempo.co/read/1249068#comments | https://tempo.co/read/1249068
          # tracking parameters dropped, the rest sorted
          https://x.id/a?utm_source=fb&utm_medium=social&fbclid=IwAR0&page=2&gclid=abc&id=7 | https://x.id/a?id=7&page=2
          https://x.id/a?mc_cid=1&mc_eid=2&UTM_Campaign=x | https://x.id/a
          https://x.id/a?b=2&a=1&& | https://x.id/a?a=1&b=2
          # trailing slash stripped except the root; an empty path becomes the root
          https://x.id/news/ | https://x.id/news
          https://x.id/news// | https://x.id/news
          https://x.id/ | https://x.id/
          https://X.id | https://x.id/
          https://x.id?page=1 | https://x.id/?page=1
          # percent-encoding kept as written; raw spaces and non-ASCII encoded
          'https://x.id/a%20b/' | https://x.id/a%20b
          'https://x.id/berita baru' | https://x.id/berita%20baru
          https://x.id/kafé | https://x.id/kaf%C3%A9
          '  https://x.id/a  ' | https://x.id/a
          """)
  void normalises(String url, String expected) {
    assertThat(UrlNormalizer.normalize(url)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "/read/2019/09/10/a", "kompas.com/read/1", "http://", "http://exa mple.com:abc/", "mailto:redaksi@x.id", "::"})
  void returnsNullForWhatIsNotAnAbsoluteUrl(String url) {
    assertThat(UrlNormalizer.normalize(url)).isNull();
  }
}
