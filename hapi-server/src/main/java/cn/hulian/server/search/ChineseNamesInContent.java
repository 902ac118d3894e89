package cn.hulian.server.search;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.fulltext.FullTextExtractionRequest;
import ca.uhn.fhir.jpa.searchparam.fulltext.FullTextExtractionResponse;
import org.springframework.stereotype.Component;

/**
 * Indexes a person's record for {@code _content} with its Chinese names, whole and in pinyin ({@link ChineseNameWords}).
 * Registered with HAPI's own interceptors, so that records re-indexed without a request get them too; the index
 * catch-up after an engine outage adds them through {@link StoredText}.
 */
@Component
class ChineseNamesInContent {

	ChineseNamesInContent(IInterceptorService interceptors) {
		interceptors.registerInterceptor(this);
	}

	/** Null keeps HAPI's own handling of deletes; other records get HAPI's words, then the name words, if any. */
	@Hook(Pointcut.JPA_INDEX_EXTRACT_FULLTEXT_CONTENT)
	public FullTextExtractionResponse addPinyin(FullTextExtractionRequest request) {
		if (request.isDelete()) {
			return null;
		}
		return FullTextExtractionResponse.indexPayload(ChineseNameWords.addedTo(request.getDefaultString(), request.getResource()));
	}
}
