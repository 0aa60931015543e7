-module(exc_basic).
-export([main/0]).

%% error/1, exit/1, throw/1 caught with try ... catch Class:Reason.

main() ->
    [io:format("~p -> ~p~n", [V, catcher(V)]) || V <- [{error, boom}, {exit, bye}, {throw, ball}, {ok, fine},
                                                      {error, {complex, [1, 2], <<"x">>}}, {exit, normal},
                                                      {throw, {nested, {deep}}}]],
    io:format("~p~n", [try throw(a) catch a -> caught_plain end]),
    io:format("~p~n", [try exit(a) catch exit:a -> caught_exit end]),
    io:format("~p~n", [try error(a) catch error:a -> caught_error end]),
    io:format("~p~n", [try error(a) catch _:_ -> any end]),
    io:format("~p~n", [try throw(1) catch throw:X when X > 0 -> pos; throw:_ -> other end]),
    io:format("~p~n", [try throw(-1) catch throw:Y when Y > 0 -> pos; throw:_ -> other end]),
    io:format("~p~n", [try 1 + 1 of 2 -> two; _ -> other catch _:_ -> failed end]),
    io:format("~p~n", [try id(ok) of ok -> yes catch _:_ -> no end]),
    ok.

catcher({Kind, Val}) ->
    try raise(Kind, Val) of
        R -> {returned, R}
    catch
        error:E -> {error_caught, E};
        exit:E -> {exit_caught, E};
        throw:E -> {throw_caught, E}
    end.

raise(error, V) -> error(V);
raise(exit, V) -> exit(V);
raise(throw, V) -> throw(V);
raise(ok, V) -> V.

id(X) -> X.
