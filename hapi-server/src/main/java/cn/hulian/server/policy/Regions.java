package cn.hulian.server.policy;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;

/** GB/T 2260 administrative divisions as the rules (and patient matching) compare them. */
public final class Regions {

	public static final String ADDRESS_DIVISION = "http://hulian.cn/fhir/StructureDefinition/cn-address-division";

	private Regions() {}

	/** Whether {@code code} lies in {@code region}: 510107 lies in 510100 (Chengdu) and in 510000 (Sichuan). */
	public static boolean contains(String region, String code) {
		String prefix = region;
		while (prefix.endsWith("00")) {
			prefix = prefix.substring(0, prefix.length() - 2);
		}
		return code != null && code.startsWith(prefix);
	}

	/** The division of an institution's first address that states one. */
	static Optional<String> of(Organization organization) {
		return of(organization.getAddress()).stream().findFirst();
	}

	/** The divisions {@code addresses} state, in their order. */
	public static List<String> of(List<Address> addresses) {
		return addresses.stream()
				.map(address -> codeOf(address.getExtensionByUrl(ADDRESS_DIVISION)))
				.flatMap(Optional::stream)
				.toList();
	}

	/** The code of a region held in {@code resource}'s extension {@code url}. */
	static Optional<String> of(DomainResource resource, String url) {
		return codeOf(resource.getExtensionByUrl(url));
	}

	private static Optional<String> codeOf(Extension extension) {
		return extension != null && extension.getValue() instanceof Coding coding && coding.hasCode()
				? Optional.of(coding.getCode())
				: Optional.empty();
	}
}
