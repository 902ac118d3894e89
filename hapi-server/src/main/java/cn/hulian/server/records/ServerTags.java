package cn.hulian.server.records;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Tags ({@code meta.tag}) that the server sets, one code per system, whatever the client sent in that system. */
public final class ServerTags {

	private ServerTags() {}

	/** The code {@code resource} is tagged with in {@code system}, empty if none. */
	public static Optional<String> code(IBaseResource resource, String system) {
		return resource.getMeta().getTag().stream()
				.filter(coding -> system.equals(coding.getSystem()) && coding.getCode() != null)
				.map(IBaseCoding::getCode)
				.findFirst();
	}

	/** Tags {@code resource} with {@code code} in {@code system}, replacing any other code of that system. */
	public static void set(IBaseResource resource, String system, String code) {
		resource.getMeta().getTag().removeIf(coding -> system.equals(coding.getSystem()));
		resource.getMeta().addTag().setSystem(system).setCode(code);
	}
}
