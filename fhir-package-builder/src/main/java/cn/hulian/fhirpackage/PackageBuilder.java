package cn.hulian.fhirpackage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.parser.IParser;
import cn.hulian.fhirpackage.FhirPackageSource.SourceResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Builds a content module's FHIR NPM package folder: every resource of {@code src/main/fhir} goes to {@code package/}
 * (examples to {@code package/example/}), with a snapshot generated for each profile that has only a differential,
 * so the server never generates snapshots at start.
 *
 * <p>Usage: {@code PackageBuilder <source folder> <output folder>}; the source holds {@code package.json}.
 */
public final class PackageBuilder {

	private static final String CORE_PACKAGE = "hl7.fhir.r4.core";

	private final FhirContext fhirContext = FhirContext.forR4Cached();

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("Usage: PackageBuilder <source folder> <output folder>");
		}
		new PackageBuilder().build(Path.of(args[0]), Path.of(args[1]));
	}

	void build(Path source, Path output) throws IOException {
		JsonNode manifest = new ObjectMapper().readTree(source.resolve("package.json").toFile());
		FhirPackageSource packages = new FhirPackageSource(fhirContext);
		List<SourceResource> resources = packages.read(source);

		PrePopulatedValidationSupport conformance = new PrePopulatedValidationSupport(fhirContext);
		for (Iterator<String> names = manifest.path("dependencies").fieldNames(); names.hasNext(); ) {
			String dependency = names.next();
			if (!dependency.equals(CORE_PACKAGE)) {
				packages.readBuiltPackage(dependency).forEach(conformance::addResource);
			}
		}
		// Profiles join the conformance resources only once they have a snapshot (below): the snapshot generator
		// would otherwise try, and fail, to expand them while they still reference extensions without one.
		resources.stream()
				.filter(r -> !r.isExample() && !(r.resource() instanceof StructureDefinition))
				.map(SourceResource::resource)
				.forEach(conformance::addResource);
		ValidationSupportChain support = ValidatorFactory.supportFor(fhirContext, conformance);

		Path packageFolder = output.resolve("package");
		Files.createDirectories(packageFolder.resolve("example"));
		Files.copy(source.resolve("package.json"), packageFolder.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
		IParser parser = fhirContext.newJsonParser();
		// Extensions first: a profile's snapshot is built from the snapshots of the extensions it uses.
		List<SourceResource> inBuildOrder = resources.stream()
				.sorted(Comparator.comparing((SourceResource r) -> !isExtensionDefinition(r.resource())))
				.toList();
		for (SourceResource resourceFile : inBuildOrder) {
			IBaseResource resource = withSnapshot(resourceFile.resource(), support);
			if (resource instanceof StructureDefinition) {
				conformance.addResource(resource);
				// The chain caches what it fetched; profiles built next must see this one.
				support.invalidateCaches();
			}
			String fileName = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
			Path target = resourceFile.isExample()
					? packageFolder.resolve("example").resolve(fileName)
					: packageFolder.resolve(fileName);
			Files.writeString(target, parser.encodeResourceToString(resource));
		}
	}

	private static boolean isExtensionDefinition(IBaseResource resource) {
		return resource instanceof StructureDefinition definition && "Extension".equals(definition.getType());
	}

	private IBaseResource withSnapshot(IBaseResource resource, ValidationSupportChain support) {
		if (!(resource instanceof StructureDefinition profile) || profile.hasSnapshot()) {
			return resource;
		}
		SnapshotGeneratingValidationSupport generator = new SnapshotGeneratingValidationSupport(fhirContext);
		StructureDefinition withSnapshot = (StructureDefinition) generator.generateSnapshot(
				new ValidationSupportContext(support), profile, profile.getUrl(), profile.getUrl(), profile.getName());
		if (withSnapshot == null || !withSnapshot.hasSnapshot()) {
			throw new IllegalStateException("Could not generate a snapshot for " + profile.getUrl());
		}
		return withSnapshot;
	}
}
