-module(proc_ring).
-export([main/0]).

%% A ring of 200 processes passing a token 10,000 hops; sum of values collected.

main() ->
    N = 200,
    First = spawn(fun() -> first(self()) end),
    First ! {setup, N - 1, self()},
    receive ready -> ok end,
    First ! {token, 10000, 0},
    receive {result, Hops, Sum} -> io:format("~p ~p~n", [Hops, Sum]) end,
    ok.

first(_) ->
    receive {setup, K, Main} ->
        Next = spawn_chain(K, self()),
        Main ! ready,
        first_loop(Next, Main)
    end.

spawn_chain(0, Head) -> Head;
spawn_chain(K, Head) ->
    Next = spawn_chain(K - 1, Head),
    spawn(fun() -> relay(Next) end).

first_loop(Next, Main) ->
    receive
        {token, 0, Sum} -> Main ! {result, 10000, Sum};
        {token, H, Sum} -> Next ! {token, H - 1, Sum + H}, first_loop(Next, Main)
    end.

relay(Next) ->
    receive
        {token, 0, Sum} -> Next ! {token, 0, Sum}, relay(Next);
        {token, H, Sum} -> Next ! {token, H - 1, Sum + H}, relay(Next)
    end.
