package cn.hulian.server.terminology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.codesystems.ConceptSubsumptionOutcome;

/** The parent of each code of a CodeSystem, as its concepts are nested, and what that says about subsumption. */
public final class CodeSystemHierarchy {

	private static final String ROOT = "";

	private final Map<String, String> parentByCode = new HashMap<>();

	public CodeSystemHierarchy(CodeSystem codeSystem) {
		addAll(codeSystem.getConcept(), ROOT);
	}

	private void addAll(List<ConceptDefinitionComponent> concepts, String parent) {
		for (ConceptDefinitionComponent concept : concepts) {
			parentByCode.put(concept.getCode(), parent);
			addAll(concept.getConcept(), concept.getCode());
		}
	}

	public boolean contains(String code) {
		return parentByCode.containsKey(code);
	}

	/** Both codes must be {@linkplain #contains contained}. */
	public ConceptSubsumptionOutcome subsumption(String codeA, String codeB) {
		if (codeA.equals(codeB)) {
			return ConceptSubsumptionOutcome.EQUIVALENT;
		}
		if (isAncestor(codeA, codeB)) {
			return ConceptSubsumptionOutcome.SUBSUMES;
		}
		if (isAncestor(codeB, codeA)) {
			return ConceptSubsumptionOutcome.SUBSUMEDBY;
		}
		return ConceptSubsumptionOutcome.NOTSUBSUMED;
	}

	private boolean isAncestor(String ancestor, String code) {
		for (String parent = parentByCode.get(code); parent != null && !ROOT.equals(parent); parent = parentByCode.get(parent)) {
			if (ancestor.equals(parent)) {
				return true;
			}
		}
		return false;
	}
}
