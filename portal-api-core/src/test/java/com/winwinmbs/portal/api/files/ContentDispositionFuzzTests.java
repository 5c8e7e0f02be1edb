package com.winwinmbs.portal.api.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.winwinmbs.portal.api.testing.Fuzz;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property: any {@code Content-Disposition} text gives no file name or a safe one (one path
 * segment, no control characters, not a dot segment), never a raw exception.
 */
class ContentDispositionFuzzTests {

  @Test
  void anyContentDispositionGivesNoNameOrASafeOne() {
    Fuzz.theory(5_000)
        .forAll(contentDisposition())
        .checkAssert(
            header -> {
              String name;
              try {
                name = ContentDisposition.fileName(header);
              } catch (RuntimeException raw) {
                fail("fileName threw " + raw + " for " + header, raw);
                return;
              }
              if (name != null) {
                assertThat(name)
                    .isNotBlank()
                    .doesNotContain("/", "\\")
                    .isNotIn(".", "..")
                    .isEqualTo(name.trim());
                assertThat(name.codePoints().noneMatch(Character::isISOControl)).isTrue();
              }
            });
  }

  private static Gen<String> contentDisposition() {
    Gen<String> parameterName =
        Generate.pick(List.of("filename", "filename*", "FileName*", "name", "", " filename "));
    Gen<String> value =
        Generate.oneOf(
            Generate.pick(
                List.of(
                    "\"report.pdf\"",
                    "UTF-8''%E0%B8%AA%E0%B8%A7.pdf",
                    "utf-8'th'..%2F..%2Fetc%2Fpasswd",
                    "UTF-8''%5C..%5Cwin.ini",
                    "UTF-8''%ZZ",
                    "UTF-8''%",
                    "UTF-8''%C3",
                    "UTF-8''%ED%A0%80",
                    "UTF-8''%00%0A%0D",
                    "ISO-8859-1''%FF%E9",
                    "EBCDIC''abc",
                    "''",
                    "'",
                    "\"",
                    "\"\\",
                    "\"..\"",
                    "\"a\\\\b/c\"",
                    "\"\u00c3\u00a9t\u00c3\u00a9.txt\"",
                    "=",
                    "")),
            strings().betweenCodePoints(0x00, 0xff).ofLengthBetween(0, 20),
            strings().allPossible().ofLengthBetween(0, 10));
    Gen<String> parameter = parameterName.zip(value, (n, v) -> n + "=" + v);
    return Generate.oneOf(
            Generate.pick(List.of("attachment", "inline", "", "form-data"))
                .zip(
                    lists().of(parameter).ofSizeBetween(0, 4),
                    (type, parameters) ->
                        parameters.isEmpty() ? type : type + ";" + String.join(";", parameters)),
            strings().allPossible().ofLengthBetween(0, 40))
        .describedAs(s -> "\"" + s.replace("\u0000", "\\u0000") + "\"");
  }
}
