package cn.hulian.terminology;

import cn.hulian.fhirpackage.BuiltPackageValidator;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.ValueSet;

/** The terminology package as the build wrote it to {@code target/}, its resources found by canonical URL. */
final class BuiltTerminologyPackage {

	static final Path FOLDER = Path.of("target/fhir-package/package");
	static final BuiltPackageValidator VALIDATOR = new BuiltPackageValidator(FOLDER);
	static final List<IBaseResource> RESOURCES = VALIDATOR.parseAll(FOLDER);

	private BuiltTerminologyPackage() {}

	static CodeSystem codeSystem(String url) {
		return resource(CodeSystem.class, url);
	}

	static ValueSet valueSet(String url) {
		return resource(ValueSet.class, url);
	}

	static ConceptMap conceptMap(String url) {
		return resource(ConceptMap.class, url);
	}

	private static <T extends MetadataResource> T resource(Class<T> type, String url) {
		return RESOURCES.stream()
				.filter(type::isInstance)
				.map(type::cast)
				.filter(resource -> url.equals(resource.getUrl()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " " + url + " in the built package"));
	}
}
