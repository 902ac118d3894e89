package cn.hulian.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.records.SourceInstitution;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * An institution writes only its own records. Every write records the writing institution as the record's source
 * ({@link SourceInstitution}); an update or delete by another institution is refused with 403. Callers that act for
 * no institution (platforms, administrators) keep the source a record already has. A record with no source yet (a
 * placeholder created by a reference, or one loaded by an administrator) becomes the first writing institution's.
 */
@Component
class InstitutionOwnershipInterceptor implements FhirServerInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void recordSource(RequestDetails request, IBaseResource created) {
		Callers.current().filter(Caller::actsForInstitution)
				.ifPresent(caller -> SourceInstitution.set(created, caller.institution()));
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void keepSource(RequestDetails request, IBaseResource stored, IBaseResource updated) {
		Optional<String> owner = SourceInstitution.of(stored);
		Optional<Caller> caller = Callers.current();
		refuseOtherInstitution(request, stored, owner, caller);
		Optional<String> source = owner.or(() -> caller.filter(Caller::actsForInstitution).map(Caller::institution));
		source.ifPresent(institution -> SourceInstitution.set(updated, institution));
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void checkDelete(RequestDetails request, IBaseResource stored) {
		refuseOtherInstitution(request, stored, SourceInstitution.of(stored), Callers.current());
	}

	private static void refuseOtherInstitution(
			RequestDetails request, IBaseResource stored, Optional<String> owner, Optional<Caller> caller) {
		if (owner.isEmpty() || caller.isEmpty() || !caller.get().actsForInstitution()
				|| owner.get().equals(caller.get().institution())) {
			return;
		}
		throw new ForbiddenOperationException(Messages.get(request.getHeader("Accept-Language"),
				"security.other-institution", stored.getIdElement().toUnqualifiedVersionless().getValue(), owner.get(),
				caller.get().institution()));
	}
}
