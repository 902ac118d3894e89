package cn.hulian.server.terminology;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDaoCodeSystem.SubsumesResult;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.jpa.term.TermReadSvcImpl;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseCoding;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.CodeSystem;

/**
 * HAPI's terminology service, answering {@code $subsumes} also for code systems stored as a fragment. HAPI keeps the
 * concepts of complete code systems only in its terminology tables; curated subsets such as the ICD-10 editions
 * (content {@code fragment}, because hospitals send codes beyond them) would otherwise answer "Unknown code". For
 * those, subsumption follows the nesting of the stored CodeSystem's concepts.
 */
public class FragmentAwareTerminologyService extends TermReadSvcImpl {

	@Override
	public SubsumesResult subsumes(
			IPrimitiveType<String> codeA,
			IPrimitiveType<String> codeB,
			IPrimitiveType<String> system,
			IBaseCoding codingA,
			IBaseCoding codingB) {
		String systemA = codingA != null ? codingA.getSystem() : valueOf(system);
		String systemB = codingB != null ? codingB.getSystem() : valueOf(system);
		if (systemA == null || !systemA.equals(systemB)) {
			return super.subsumes(codeA, codeB, system, codingA, codingB);
		}
		Optional<CodeSystem> fragment = storedFragment(systemA);
		if (fragment.isEmpty()) {
			return super.subsumes(codeA, codeB, system, codingA, codingB);
		}
		CodeSystemHierarchy hierarchy = new CodeSystemHierarchy(fragment.get());
		String a = codingA != null ? codingA.getCode() : valueOf(codeA);
		String b = codingB != null ? codingB.getCode() : valueOf(codeB);
		for (String code : new String[] {a, b}) {
			if (code == null || !hierarchy.contains(code)) {
				throw new InvalidRequestException("Unknown code: [" + systemA + "|" + code + "]");
			}
		}
		return new SubsumesResult(hierarchy.subsumption(a, b));
	}

	private Optional<CodeSystem> storedFragment(String url) {
		SearchParameterMap byUrl = SearchParameterMap.newSynchronous(CodeSystem.SP_URL, new UriParam(url));
		return myDaoRegistry.getResourceDao(CodeSystem.class).searchForResources(byUrl, new SystemRequestDetails()).stream()
				.map(CodeSystem.class::cast)
				.filter(codeSystem -> codeSystem.getContent() == CodeSystem.CodeSystemContentMode.FRAGMENT)
				.findFirst();
	}

	private static String valueOf(IPrimitiveType<String> value) {
		return value == null ? null : value.getValueAsString();
	}
}
