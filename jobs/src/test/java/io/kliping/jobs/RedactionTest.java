package io.kliping.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials never reach a message, report line or manifest; ordinary settings do. */
class RedactionTest {
  @Test
  void urlPasswordsAreMasked() {
    assertThat(Redaction.redact("cannot list s3a://AKIAEXAMPLE:wJalrXUtnFEMI%2FK7MDENG@bucket/x"))
        .isEqualTo("cannot list s3a://AKIAEXAMPLE:***@bucket/x");
    assertThat(Redaction.redact("jdbc:postgresql://etl:hunter2@db:5432/k and https://h/p"))
        .isEqualTo("jdbc:postgresql://etl:***@db:5432/k and https://h/p");
  }

  @Test
  void valuesOfSecretSettingsAreMasked() {
    assertThat(Redaction.redact("--set spark.hadoop.fs.s3a.secret.key=wJalrXUtnFEMI/K7MDENG x"))
        .isEqualTo("--set spark.hadoop.fs.s3a.secret.key=*** x");
    assertThat(Redaction.redact("fs.s3a.session.token = \"FQoGZXIvYXdz\", next"))
        .isEqualTo("fs.s3a.session.token = ***, next");
    assertThat(Redaction.redact("{\"password\": \"hunter2\"}")).isEqualTo("{\"password\": ***}");
    assertThat(Redaction.redact("AWS_SECRET_ACCESS_KEY=abc https://b/o?X-Amz-Signature=f00&a=1"))
        .isEqualTo("AWS_SECRET_ACCESS_KEY=*** https://b/o?X-Amz-Signature=***&a=1");
  }

  @Test
  void ordinarySettingsAndCountsStay() {
    String line = "kliping stage=dedup dt=2024-10-25 seconds=3.1 kliping.dedup.min-tokens=3 "
        + "path=hdfs://nn:8020/w tokens=12";
    assertThat(Redaction.redact(line)).isEqualTo(line);
  }

  private record Store(String path, String secretKey, String accessKey, List<String> urls,
      int minTokens) {}

  @Test
  void manifestConfigurationMasksSecretFieldsAndUrlPasswords() {
    Map<String, Object> m = RunManifest.configMap(new Store("s3a://k:pw@b/w", "s3cr3t", "AKIA",
        List.of("https://u:p@h/x"), 3));
    assertThat(m).containsEntry("path", "s3a://k:***@b/w").containsEntry("secretKey", "***")
        .containsEntry("accessKey", "***").containsEntry("urls", List.of("https://u:***@h/x"))
        .containsEntry("minTokens", 3);
    assertThat(m.toString()).doesNotContain("s3cr3t").doesNotContain("AKIA").doesNotContain("pw@");
  }
}
