package cn.hulian.server.policy;

import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One regulation of online care, checked when a resource that is part of online care is written. Each rule has a
 * stable id that rejections name, and the law and article it enforces.
 */
public interface OnlineCareRule {

	/** Stable id, e.g. {@code IH-RX-CONTROLLED-003}; also the key of its settings under {@code hulian.policy.rules}. */
	String id();

	/** The law and article the rule enforces. */
	String source();

	/** How {@code resource}, which is part of online care, breaks this rule; empty when it complies or is not concerned. */
	List<RuleViolation> check(IBaseResource resource);
}
