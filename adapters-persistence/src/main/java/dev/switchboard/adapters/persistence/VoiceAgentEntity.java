package dev.switchboard.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code voice_agent}. Stays inside this adapter: the domain sees only {@code VoiceAgent}. */
@Entity
@Table(name = "voice_agent")
public class VoiceAgentEntity {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "hamsa_agent_id", nullable = false)
    public String hamsaAgentId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String greeting;

    @Column(nullable = false)
    public String preamble;

    @Column(nullable = false)
    public String language;

    @Column(name = "voice_id", nullable = false)
    public String voiceId;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "knowledge_item_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] knowledgeItemIds = new UUID[0];

    @Column(name = "hamsa_knowledge_item_ids", nullable = false, columnDefinition = "text[]")
    public String[] hamsaKnowledgeItemIds = new String[0];

    @Column(name = "web_tool_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] webToolIds = new UUID[0];

    @Column(name = "hamsa_tool_ids", nullable = false, columnDefinition = "text[]")
    public String[] hamsaToolIds = new String[0];

    /** Checked by hand in the update statement: the domain decides the next version, not Hibernate. */
    @Column(nullable = false)
    public long version;
}
