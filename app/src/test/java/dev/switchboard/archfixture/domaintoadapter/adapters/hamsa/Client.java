package dev.switchboard.archfixture.domaintoadapter.adapters.hamsa;

public class Client {
    public void call() {
    }
}
