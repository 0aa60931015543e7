-module(exc_raise).
-export([main/0]).

%% erlang:raise/3 re-raising with a given stack trace; invalid raise arguments.

main() ->
    S0 = [{m, f, 1, [{file, "m.erl"}, {line, 10}]}, {m, g, [a, b], []}],
    [io:format("~p~n", [try erlang:raise(C, reason, S0) catch C2:R:S -> {C2, R, S} end]) || C <- [error, exit, throw]],
    io:format("~p~n", [erlang:raise(bogus, reason, S0)]),
    io:format("~p~n", [erlang:raise(error, reason, not_a_stack)]),
    io:format("~p~n", [try erlang:raise(error, r, [{m, f, 0}]) catch error:r:S -> S end]),
    R = try
            try error(original) catch error:E:St -> erlang:raise(error, {wrapped, E}, St) end
        catch error:W:St2 -> {W, length(St2) > 0, element(1, hd(St2))}
        end,
    io:format("~p~n", [R]),
    io:format("~p~n", [try erlang:raise(throw, thrown, []) catch throw:T:S3 -> {T, S3} end]),
    ok.
