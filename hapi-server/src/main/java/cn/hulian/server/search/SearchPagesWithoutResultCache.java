package cn.hulian.server.search;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import org.springframework.stereotype.Component;

/**
 * Answers a client's type search from the database directly, one page at a time ({@code _offset} paging), instead of
 * through HAPI's search result cache. The cache stores every search and the ids it found ({@code hfj_search},
 * {@code hfj_search_result}) and looks each new search up there first: a search's heaviest database work when most
 * searches find one patient's few records. The first page of such a search fetches one row more than it shows, and
 * links to the next page ({@code _offset=n}) only when there is one; {@code Bundle.total} is given when the last page is
 * reached, or whenever the client asks for it ({@code _total=accurate}, {@code _summary=count}), which still goes
 * through the cache as before.
 */
@Component
class SearchPagesWithoutResultCache implements FhirServerInterceptor {

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void answerDirectly(RequestDetails request, SearchParameterMap search) {
		if (isClientTypeSearch(request) && isPlainFirstPage(search)) {
			// HAPI runs a search with an offset and a count synchronously, with a LIMIT of one more than the count.
			search.setOffset(0);
		}
	}

	private static boolean isClientTypeSearch(RequestDetails request) {
		return request instanceof ServletRequestDetails && !request.isSubRequest()
				&& request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE;
	}

	private static boolean isPlainFirstPage(SearchParameterMap search) {
		boolean firstPage = search.getCount() != null && search.getCount() > 0 && search.getOffset() == null;
		boolean plain = !search.isLoadSynchronous() && search.getLoadSynchronousUpTo() == null
				&& search.getEverythingMode() == null && search.getSearchTotalMode() == null
				&& search.getSummaryMode() != SummaryEnum.COUNT;
		return firstPage && plain;
	}
}
