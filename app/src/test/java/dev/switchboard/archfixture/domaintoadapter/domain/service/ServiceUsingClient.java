package dev.switchboard.archfixture.domaintoadapter.domain.service;

import dev.switchboard.archfixture.domaintoadapter.adapters.hamsa.Client;

public class ServiceUsingClient {
    public void run(Client client) {
        client.call();
    }
}
