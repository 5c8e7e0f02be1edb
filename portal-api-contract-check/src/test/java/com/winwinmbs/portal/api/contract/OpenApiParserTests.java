package com.winwinmbs.portal.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.winwinmbs.portal.api.http.Endpoint;
import com.winwinmbs.portal.api.internal.Endpoints;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

/**
 * An OpenAPI parser other than the project's own reading reads the document without a single
 * message: every message of its validation counts as an error.
 */
class OpenApiParserTests {

  @Test
  void parserReadsTheDocumentWithoutAnyMessage() {
    SwaggerParseResult result = parse(ContractDocument.text());

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    assertThat(result.getOpenAPI().getPaths().keySet())
        .containsExactlyInAnyOrderElementsOf(
            Endpoints.all().stream().map(Endpoint::uriTemplate).distinct().toList());
  }

  @Test
  void parserReportsADocumentThatBreaksTheSpecification() {
    // A response without its required description: the check must see it.
    String broken =
        ContractDocument.text()
            .replaceFirst("          description: Health report in the portal envelope.\n", "");

    assertThat(parse(broken).getMessages())
        .anySatisfy(message -> assertThat(message).contains("description is missing"));
  }

  private static SwaggerParseResult parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(yaml, null, options);
  }
}
