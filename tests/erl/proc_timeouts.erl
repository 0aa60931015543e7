-module(proc_timeouts).
-export([main/0]).

%% receive ... after with timeouts, erlang:send_after, timers, flush patterns (no timing printed).

main() ->
    io:format("~p~n", [receive x -> got after 10 -> timeout end]),
    erlang:send_after(20, self(), delayed),
    io:format("~p~n", [receive delayed -> got_delayed after 2000 -> missing end]),
    Ref = erlang:start_timer(10, self(), tick),
    io:format("~p~n", [receive {timeout, Ref, tick} -> got_timer after 2000 -> missing end]),
    T = erlang:send_after(10000, self(), never),
    io:format("~p~n", [is_integer(erlang:cancel_timer(T))]),
    io:format("~p~n", [erlang:cancel_timer(T)]),
    self() ! a, self() ! b, self() ! c,
    io:format("~p~n", [flush([])]),
    timer:sleep(5),
    io:format("~p~n", [receive _ -> unexpected after 0 -> empty end]),
    ok.

flush(Acc) -> receive M -> flush([M | Acc]) after 0 -> lists:reverse(Acc) end.
