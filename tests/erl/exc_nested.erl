-module(exc_nested).
-export([main/0]).

%% Nested try, rethrow, exceptions in catch clauses and in of clauses, deep unwinding.

main() ->
    io:format("~p~n", [level(0, 5)]),
    io:format("~p~n", [try deep(100) catch throw:{depth, D} -> D end]),
    io:format("~p~n", [try try error(a) catch error:a -> error(b) end catch error:E -> {outer, E} end]),
    io:format("~p~n", [try try ok of ok -> throw(in_of) catch throw:in_of -> not_here end catch throw:T -> {escaped, T} end]),
    io:format("~p~n", [try (try throw(x) catch throw:x -> caught_inner end) of caught_inner -> fine catch _:_ -> bad end]),
    io:format("~p~n", [collect([fun() -> 1 end, fun() -> throw(2) end, fun() -> error(3) end, fun() -> exit(4) end])]),
    io:format("~p~n", [retry(3)]),
    ok.

level(N, Max) when N >= Max -> throw({bottom, N});
level(N, Max) ->
    try level(N + 1, Max)
    catch throw:{bottom, B} when N rem 2 =:= 0 -> throw({passed, N, B});
          throw:{passed, M, B} -> {stopped_at, N, M, B}
    end.

deep(0) -> throw({depth, reached});
deep(N) -> 1 + deep(N - 1).

collect(Fs) ->
    [try F() of V -> {ok, V} catch C:R -> {C, R} end || F <- Fs].

retry(0) -> gave_up;
retry(N) ->
    try
        case N of 1 -> success; _ -> throw(retry) end
    catch throw:retry -> retry(N - 1)
    end.
