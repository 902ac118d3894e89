package cn.hulian.fhirpackage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validates resources against a package as it was built (its {@code package/} folder, snapshots included) and the
 * Hulian packages it depends on: what content modules' tests use to check their examples.
 */
public final class BuiltPackageValidator {

	private final FhirContext fhirContext = FhirContext.forR4Cached();
	private final Path packageFolder;
	private final FhirValidator validator;

	public BuiltPackageValidator(Path packageFolder, String... dependencyPackages) {
		this.packageFolder = packageFolder;
		FhirPackageSource source = new FhirPackageSource(fhirContext);
		List<IBaseResource> conformance = new ArrayList<>(parseAll(packageFolder));
		for (String dependency : dependencyPackages) {
			conformance.addAll(source.readBuiltPackage(dependency));
		}
		this.validator = ValidatorFactory.validatorFor(fhirContext, ValidatorFactory.supportFor(fhirContext, conformance));
	}

	public ValidationResult validate(IBaseResource resource) {
		return validator.validateWithResult(resource);
	}

	/** The examples the package ships ({@code package/example/}). */
	public List<IBaseResource> examples() {
		return parseAll(packageFolder.resolve("example"));
	}

	public List<IBaseResource> parseAll(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			List<IBaseResource> resources = new ArrayList<>();
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				if (!file.getFileName().toString().equals("package.json")) {
					resources.add(parse(file));
				}
			}
			return resources;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public IBaseResource parse(Path file) {
		try {
			return fhirContext.newJsonParser().parseResource(Files.readString(file));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
