-module(exc_try_after).
-export([main/0]).

%% try/of/catch/after in all combinations; order of side effects; after on success and failure.

main() ->
    t1(ok), t1(throw), t1(error),
    t2(ok), t2(throw),
    t3(),
    io:format("~p~n", [t4()]),
    io:format("~p~n", [catch t5()]),
    io:format("~p~n", [t6(1)]),
    io:format("~p~n", [t6(2)]),
    io:format("~p~n", [t7()]),
    ok.

act(ok) -> io:format("  act ok~n"), value;
act(throw) -> io:format("  act throw~n"), throw(thrown);
act(error) -> io:format("  act error~n"), error(erred).

t1(K) ->
    io:format("t1 ~p~n", [K]),
    R = try act(K) of
            V -> io:format("  of ~p~n", [V]), {'of', V}
        catch
            throw:T -> io:format("  catch throw~n"), {caught, T};
            error:E -> io:format("  catch error~n"), {caught, E}
        after
            io:format("  after~n")
        end,
    io:format("  result ~p~n", [R]).

t2(K) ->
    io:format("t2 ~p~n", [K]),
    R = (catch try act(K) after io:format("  after only~n") end),
    io:format("  result ~p~n", [R]).

t3() ->
    io:format("t3~n"),
    R = try
            try act(throw) after io:format("  inner after~n") end
        catch throw:X -> io:format("  outer catch~n"), X
        after io:format("  outer after~n")
        end,
    io:format("  result ~p~n", [R]).

t4() ->
    try ok after io:format("t4 after value ignored~n"), ignored end.

t5() ->
    try throw(first) after throw(second) end.

t6(N) ->
    try
        case N of 1 -> throw(one); 2 -> {two} end
    of
        {X} -> {of_clause, X}
    catch
        throw:one -> caught_one
    end.

t7() ->
    try
        try error(inner) of _ -> not_here catch error:inner -> throw(rethrown) end
    catch
        throw:Y -> {outer, Y}
    end.
