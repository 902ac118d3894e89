package cn.hulian.server.search;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.springframework.stereotype.Component;

/**
 * Answers a client's type search and {@code Patient/[id]/$everything} from the database directly, one page at a time
 * ({@code _offset} paging), instead of through HAPI's search result cache. The cache stores every search and the ids
 * it found ({@code hfj_search}, {@code hfj_search_result}) and looks each new search up there first: a search's
 * heaviest database work when most searches find one patient's few records, and half of the work of
 * {@code $everything}. The first page of such a search fetches one row more than it shows, and links to the next page
 * ({@code _offset=n}) only when there is one; {@code Bundle.total} is given when the last page is reached, or whenever
 * the client asks for it ({@code _total=accurate}, {@code _summary=count}), which still goes through the cache as
 * before. The pages of {@code $everything} are in the order the records were stored unless the client sorts them, so
 * that paging through a patient's whole record neither repeats nor misses a record.
 */
@Component
class SearchPagesWithoutResultCache implements FhirServerInterceptor {

	private static final String EVERYTHING = "$everything";

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void answerDirectly(RequestDetails request, SearchParameterMap search) {
		if (!isClientRequest(request) || !isPlainFirstPage(search)) {
			return;
		}
		// HAPI runs a search with an offset and a count synchronously, with a LIMIT of one more than the count.
		if (request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE && search.getEverythingMode() == null) {
			search.setOffset(0);
		} else if (EVERYTHING.equals(request.getOperation()) && search.getEverythingMode() != null) {
			search.setOffset(0);
			if (search.getSort() == null) {
				search.setSort(new SortSpec(IAnyResource.SP_RES_ID));
			}
		}
	}

	private static boolean isClientRequest(RequestDetails request) {
		return request instanceof ServletRequestDetails && !request.isSubRequest();
	}

	private static boolean isPlainFirstPage(SearchParameterMap search) {
		boolean firstPage = search.getCount() != null && search.getCount() > 0 && search.getOffset() == null;
		boolean plain = !search.isLoadSynchronous() && search.getLoadSynchronousUpTo() == null
				&& search.getSearchTotalMode() == null && search.getSummaryMode() != SummaryEnum.COUNT;
		return firstPage && plain;
	}
}
