package cn.hulian.server.consent;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import cn.hulian.server.exchange.crossregion.RelayedRecords;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.security.Caller;
import cn.hulian.server.security.Callers;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies patients' sharing directives to what institutions and platforms read. A record from another institution
 * than the caller's is withheld when its patient denied sharing (a read answers 403, a search leaves it out), unless
 * the caller breaks the glass: a treating role stating purpose of use ETREAT or BTG. Such an override is marked on the
 * request for the audit trail. Auditors, administrators and patients are not filtered.
 */
@Component
class SharingConsentService implements IConsentService {

	private static final Logger log = LoggerFactory.getLogger(SharingConsentService.class);

	private final SharingDirectives directives;

	SharingConsentService(SharingDirectives directives) {
		this.directives = directives;
	}

	/** Whether sharing directives apply to the current caller: not to auditors, administrators or patients. */
	boolean appliesToCaller() {
		return Callers.current().map(caller -> caller.role().boundBySharingDirectives()).orElse(false);
	}

	@Override
	public ConsentOutcome startOperation(RequestDetails request, IConsentContextServices services) {
		Optional<Caller> caller = Callers.current();
		if (!appliesToCaller()) {
			return ConsentOutcome.AUTHORIZED;
		}
		if (PurposeOfUse.breaksTheGlass(request) && !caller.get().role().mayBreakTheGlass()) {
			throw new ForbiddenOperationException(Messages.get(request.getHeader("Accept-Language"),
					"consent.break-glass-not-allowed", caller.get().role().claimValue()));
		}
		return ConsentOutcome.PROCEED;
	}

	@Override
	public boolean shouldProcessCanSeeResource(RequestDetails request, IConsentContextServices services) {
		return false;
	}

	@Override
	public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource, IConsentContextServices services) {
		Optional<Caller> caller = Callers.current();
		String reader = caller.map(Caller::institution).orElse("");
		// A record relayed from another region was shown under its holder's directives, not this server's.
		if (caller.isEmpty() || RelayedRecords.isRelayed(request, resource) || !directives.withhold(resource, reader)) {
			return ConsentOutcome.PROCEED;
		}
		String record = resource.getIdElement().toUnqualifiedVersionless().getValue();
		if (PurposeOfUse.breaksTheGlass(request)) {
			log.warn("Break the glass: client {} (institution {}) read {} against the patient's sharing directive",
					caller.get().clientId(), reader, record);
			PurposeOfUse.markGlassBroken(request);
			return ConsentOutcome.PROCEED;
		}
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD) {
			throw new ForbiddenOperationException(Messages.get(request.getHeader("Accept-Language"), "consent.denied",
					record, reader.isEmpty() ? caller.get().clientId() : reader));
		}
		return ConsentOutcome.REJECT;
	}
}
