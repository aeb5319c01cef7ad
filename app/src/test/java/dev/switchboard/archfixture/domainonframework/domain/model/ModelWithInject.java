package dev.switchboard.archfixture.domainonframework.domain.model;

import jakarta.inject.Inject;

public class ModelWithInject {
    @Inject
    String name;
}
