%% otp_gen_evh.erl — a gen_event handler for otp_gen: collects the events it
%% is sent; the instance {otp_gen_evh, fragile} crashes on `crash`. main/0
%% uses it on its own.
-module(otp_gen_evh).
-behaviour(gen_event).
-export([main/0, init/1, handle_event/2, handle_call/2]).

main() ->
    {ok, M} = gen_event:start_link(),
    ok = gen_event:add_handler(M, ?MODULE, []),
    [gen_event:sync_notify(M, E) || E <- [a, b, c]],
    io:format("~p~n", [gen_event:call(M, ?MODULE, get)]),
    io:format("~p~n", [gen_event:delete_handler(M, ?MODULE, stop)]),
    io:format("~p~n", [gen_event:which_handlers(M)]),
    gen_event:stop(M).

init(fragile) -> {ok, fragile};
init([]) -> {ok, []}.
handle_event(crash, fragile) -> error({fragile, crashed});
handle_event(_E, fragile) -> {ok, fragile};
handle_event(E, Acc) -> {ok, [E | Acc]}.
handle_call(get, Acc) -> {ok, lists:reverse(Acc), Acc}.
