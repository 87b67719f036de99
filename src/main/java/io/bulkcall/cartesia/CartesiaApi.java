package io.bulkcall.cartesia;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * The Cartesia endpoints bulkcall uses, as the API reference (version 2026-03-01) describes them,
 * served by {@link CartesiaWebClient}. Each method sends nothing until its {@code Mono} is
 * subscribed, and sends again on each new subscription; {@link CartesiaClient} decides how often.
 * An optional query parameter given as {@code null} is left out of the request.
 */
@HttpExchange(url = "/agents/calls", accept = MediaType.APPLICATION_JSON_VALUE)
interface CartesiaApi {

    @PostExchange(url = "/batches", contentType = MediaType.APPLICATION_JSON_VALUE)
    Mono<CallBatch> createCallBatch(@RequestBody CreateCallBatchRequest request);

    @GetExchange("/batches/{batchId}")
    Mono<CallBatch> getCallBatch(@PathVariable("batchId") String batchId);

    @GetExchange("/batches")
    Mono<CallBatchPage> listCallBatches(
            @RequestParam(name = "agent_id", required = false) String agentId,
            @RequestParam(name = "starting_after", required = false) String startingAfter,
            @RequestParam("limit") int limit);

    @PostExchange("/batches/{batchId}/retry")
    Mono<CallBatch> retryCallBatch(@PathVariable("batchId") String batchId);

    @PostExchange("/batches/{batchId}/cancel")
    Mono<CallBatch> cancelCallBatch(@PathVariable("batchId") String batchId);

    @GetExchange("/{callId}")
    Mono<AgentCall> getCall(@PathVariable("callId") String callId);

    /**
     * @param expand {@code transcript} to have each call's transcript included
     */
    @GetExchange
    Mono<CallPage> listCalls(
            @RequestParam(name = "agent_id", required = false) String agentId,
            @RequestParam(name = "batch_id", required = false) String batchId,
            @RequestParam(name = "starting_after", required = false) String startingAfter,
            @RequestParam("limit") int limit,
            @RequestParam(name = "expand", required = false) String expand);
}
