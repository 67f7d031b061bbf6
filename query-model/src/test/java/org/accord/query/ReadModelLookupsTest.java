package org.accord.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.accord.query.runtime.ReadModelStoreContract;
import org.accord.query.shared.Lookup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class ReadModelLookupsTest {

    @Test
    void everyReadModelThatDeclaresALookupIsListedForTheIndexesProductionMakes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Lookup.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Lookup.List.class));
        Set<String> declared = scanner.findCandidateComponents("org.accord.query").stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(name -> !name.startsWith(ReadModelStoreContract.class.getName()))
                .collect(Collectors.toSet());

        assertThat(declared).isNotEmpty();
        assertThat(ReadModelLookups.DOCUMENTS).extracting(Class::getName).containsExactlyInAnyOrderElementsOf(declared);
    }
}
