package cn.hulian.server.subscriptions;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.security.Caller;
import cn.hulian.server.security.Callers;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;

/**
 * A regional platform sees and manages only the Subscriptions it created ({@link SubscriptionOwner}): another
 * platform's are left out of its searches and histories, read as 404, and refused with 403 when it changes or deletes
 * them. Administrators manage every Subscription and keep the owner a Subscription has; one stored without an owner
 * gets the owner an administrator tags it with. The server's own work (HAPI loading and matching Subscriptions) runs
 * without a caller and is not limited.
 */
@Component
class OwnSubscriptionsOnly implements FhirServerInterceptor {

	private static final String SUBSCRIPTION = "Subscription";
	private static final Set<RestOperationTypeEnum> READS = Set.of(RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD);

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void recordOwner(IBaseResource created) {
		if (created instanceof Subscription) {
			limitedCaller().ifPresent(caller -> SubscriptionOwner.set(created, SubscriptionOwner.of(caller)));
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void keepOwner(RequestDetails request, IBaseResource stored, IBaseResource updated) {
		if (stored instanceof Subscription) {
			refuseOthers(request, stored);
			SubscriptionOwner.of(stored).ifPresent(owner -> SubscriptionOwner.set(updated, owner));
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void checkDelete(RequestDetails request, IBaseResource stored) {
		if (stored instanceof Subscription) {
			refuseOthers(request, stored);
		}
	}

	/** Searches are narrowed in the database, so that paging and totals count the platform's own only. */
	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void searchOwnOnly(RequestDetails request, SearchParameterMap search) {
		if (request != null && SUBSCRIPTION.equals(request.getResourceName())) {
			limitedCaller().ifPresent(caller ->
					search.add(Constants.PARAM_TAG, new TokenParam(SubscriptionOwner.SYSTEM, SubscriptionOwner.of(caller))));
		}
	}

	/** Reads and histories, which no search narrows. */
	@Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
	public void showOwnOnly(RequestDetails request, IPreResourceAccessDetails access) {
		Optional<Caller> caller = limitedCaller();
		if (caller.isEmpty()) {
			return;
		}
		for (int i = 0; i < access.size(); i++) {
			IBaseResource resource = access.getResource(i);
			if (resource instanceof Subscription && !SubscriptionOwner.owns(SubscriptionOwner.of(caller.get()), resource)) {
				if (request != null && READS.contains(request.getRestOperationType())) {
					throw new ResourceNotFoundException(Messages.get(request.getHeader("Accept-Language"),
							"subscriptions.not-found", resource.getIdElement().toUnqualifiedVersionless().getValue()));
				}
				access.setDontReturnResourceAtIndex(i);
			}
		}
	}

	private static void refuseOthers(RequestDetails request, IBaseResource stored) {
		Optional<Caller> caller = limitedCaller();
		if (caller.isPresent() && !SubscriptionOwner.owns(SubscriptionOwner.of(caller.get()), stored)) {
			throw new ForbiddenOperationException(Messages.get(request == null ? null : request.getHeader("Accept-Language"),
					"subscriptions.other-owner", stored.getIdElement().toUnqualifiedVersionless().getValue()));
		}
	}

	private static Optional<Caller> limitedCaller() {
		return Callers.current().filter(caller -> SubscriptionOwner.limitsTo(caller.role()));
	}
}
