package cn.hulian.server.records;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The institution a record comes from, kept as a tag ({@code meta.tag}) that the server sets on every write: the
 * organisation code (urn:oid:2.16.156.10011.1.5) of the institution whose token wrote it. Search it with
 * {@code _tag=http://hulian.cn/fhir/CodeSystem/source-institution|CODE}.
 */
public final class SourceInstitution {

	public static final String SYSTEM = "http://hulian.cn/fhir/CodeSystem/source-institution";

	private SourceInstitution() {}

	public static Optional<String> of(IBaseResource resource) {
		return ServerTags.code(resource, SYSTEM);
	}

	/** Records {@code institution} as the source of {@code resource}, replacing whatever the client said. */
	public static void set(IBaseResource resource, String institution) {
		ServerTags.set(resource, SYSTEM, institution);
	}
}
