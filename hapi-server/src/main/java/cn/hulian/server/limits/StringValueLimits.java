package cn.hulian.server.limits;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.springframework.stereotype.Component;

/**
 * Refuses (400) a resource to be stored with a primitive value longer than FHIR allows a string (1024 * 1024
 * characters), or with a character no UTF-8 text or PostgreSQL column can hold (NUL, a lone surrogate from a JSON
 * {@code \ud800} escape), naming the element. base64Binary is exempt from the length: attachments may be larger,
 * within the request size limit. Runs on every resource written, whether created, updated, patched or in a
 * transaction, in one pass over its elements (about 0.3 ms for a 15-resource transaction).
 */
@Component
class StringValueLimits implements FhirServerInterceptor {

	static final int MAX_STRING_LENGTH = 1024 * 1024;

	private final FhirContext fhirContext;

	StringValueLimits(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource, RequestDetails request) {
		check(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		check(resource, request);
	}

	private void check(IBaseResource resource, RequestDetails request) {
		fhirContext.newTerser().visit(resource, (element, containingPath, childPath, definitionPath) -> {
			if (element instanceof PrimitiveType<?> primitive && !(element instanceof Base64BinaryType)) {
				String value = primitive.getValueAsString();
				String language = request == null ? null : request.getHeader("Accept-Language");
				if (value != null && value.length() > MAX_STRING_LENGTH) {
					throw new InvalidRequestException(Messages.get(language, "limits.string-too-long",
							path(resource, childPath), value.length(), MAX_STRING_LENGTH));
				}
				int unstorable = value == null ? -1 : firstUnstorableCharacter(value);
				if (unstorable >= 0) {
					throw new InvalidRequestException(Messages.get(language, "limits.string-unstorable-character",
							path(resource, childPath), unstorable));
				}
			}
			return true;
		});
	}

	/** Where {@code value} has a NUL or a surrogate that is not half of a pair, or -1. */
	static int firstUnstorableCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == 0) {
				return i;
			}
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
				} else {
					return i;
				}
			}
		}
		return -1;
	}

	private String path(IBaseResource resource, List<BaseRuntimeChildDefinition> childPath) {
		return childPath.stream()
				.map(BaseRuntimeChildDefinition::getElementName)
				.collect(Collectors.joining(".", fhirContext.getResourceType(resource) + ".", ""));
	}
}
