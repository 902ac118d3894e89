package cn.hulian.server.terminology;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * Puts {@link FragmentAwareTerminologyService} in place of HAPI's terminology service ({@code JpaConfig}'s bean
 * {@code terminologyService}). Replacing the definition after all configuration classes are read is deterministic,
 * where a second bean of the same name would depend on the order configurations are loaded.
 */
@Component
public class TerminologyServiceOverride implements BeanDefinitionRegistryPostProcessor {

	static final String HAPI_TERMINOLOGY_SERVICE = "terminologyService";

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		if (!registry.containsBeanDefinition(HAPI_TERMINOLOGY_SERVICE)) {
			throw new IllegalStateException("HAPI's bean '" + HAPI_TERMINOLOGY_SERVICE + "' is gone: check the HAPI upgrade");
		}
		BeanDefinition replacement = new RootBeanDefinition(FragmentAwareTerminologyService.class);
		registry.removeBeanDefinition(HAPI_TERMINOLOGY_SERVICE);
		registry.registerBeanDefinition(HAPI_TERMINOLOGY_SERVICE, replacement);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		// Nothing beyond the definition.
	}
}
