package cn.hulian.fhirpackage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * The FHIR resources of one content module ({@code src/main/fhir}) and of the Hulian packages it depends on.
 * Resources under an {@code examples/} folder are examples; all others are conformance resources.
 */
public final class FhirPackageSource {

	/** Where content modules put their built package on the classpath. */
	public static final String PACKAGE_RESOURCE_FOLDER = "hulian/fhir-packages/";

	private final FhirContext fhirContext;

	public FhirPackageSource(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	/** All resources under {@code directory} with their paths relative to it, {@code package.json} excepted. */
	public List<SourceResource> read(Path directory) {
		IParser parser = fhirContext.newJsonParser();
		try (Stream<Path> files = Files.walk(directory)) {
			List<SourceResource> resources = new ArrayList<>();
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				Path relative = directory.relativize(file);
				if (relative.toString().equals("package.json")) {
					continue;
				}
				try {
					resources.add(new SourceResource(relative, parser.parseResource(Files.readString(file))));
				} catch (RuntimeException e) {
					throw new IllegalArgumentException(file + " is not a valid FHIR JSON resource: " + e.getMessage(), e);
				}
			}
			return resources;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The conformance resources of a built Hulian package found on the classpath, e.g. the terminology package. */
	public List<IBaseResource> readBuiltPackage(String packageName) {
		String location = PACKAGE_RESOURCE_FOLDER + packageName + ".tgz";
		try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new IllegalStateException("Package " + packageName + " is not on the classpath at " + location);
			}
			NpmPackage npm = NpmPackage.fromPackage(in);
			IParser parser = fhirContext.newJsonParser();
			List<IBaseResource> resources = new ArrayList<>();
			for (String file : npm.list("package")) {
				if (file.endsWith(".json") && !file.equals("package.json") && !file.startsWith(".")) {
					try (InputStream resource = npm.load("package", file)) {
						resources.add(parser.parseResource(resource));
					}
				}
			}
			return resources;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A resource file of a content module. */
	public record SourceResource(Path path, IBaseResource resource) {
		public boolean isExample() {
			return path.getNameCount() > 1 && path.getName(0).toString().equals("examples");
		}
	}
}
