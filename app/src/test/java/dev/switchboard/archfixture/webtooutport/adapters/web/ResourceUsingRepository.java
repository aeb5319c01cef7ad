package dev.switchboard.archfixture.webtooutport.adapters.web;

import dev.switchboard.archfixture.webtooutport.domain.port.out.Repository;

public class ResourceUsingRepository {
    public void post(Repository repository) {
        repository.save("x");
    }
}
