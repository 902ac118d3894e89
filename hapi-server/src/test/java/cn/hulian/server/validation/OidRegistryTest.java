package cn.hulian.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The HL7 validator reads {@code oidregistry.csv} (1.5 MB, 21,000 OIDs) again for every resource it validates, which
 * was most of the cost of validation on write. Hulian's own copy, found first on the class path, keeps the OIDs of
 * code systems only (types 5 and 6), which is what validating codes and URIs needs.
 */
class OidRegistryTest {

	private static final String REGISTRY = "oidregistry.csv";

	@Test
	void hulianRegistryIsTheOneTheValidatorLoads() throws IOException {
		List<URL> registries = Collections.list(getClass().getClassLoader().getResources(REGISTRY));

		assertThat(registries).hasSizeGreaterThanOrEqualTo(2);
		assertThat(registries.get(0).toString()).doesNotContain(".jar!");
		assertThat(read(getClass().getClassLoader().getResource(REGISTRY)).size()).isLessThan(1000);
	}

	@Test
	void hulianRegistryHoldsEveryCodeSystemOidOfTheValidatorsRegistry() throws IOException {
		List<URL> registries = Collections.list(getClass().getClassLoader().getResources(REGISTRY));
		URL validators = registries.stream().filter(url -> url.toString().contains(".jar!")).findFirst().orElseThrow();

		assertThat(codeSystemOids(read(registries.get(0))))
				.as("regenerate src/main/resources/oidregistry.csv from the validator's (types 5 and 6) after an upgrade")
				.isEqualTo(codeSystemOids(read(validators)));
	}

	private static Set<String> codeSystemOids(List<String> lines) {
		return lines.stream()
				.map(line -> line.split(",", 3))
				.filter(parts -> parts.length >= 2 && (parts[1].equals("5") || parts[1].equals("6")))
				.map(parts -> parts[0])
				.collect(Collectors.toSet());
	}

	private static List<String> read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}
}
