%% otp_gen_statem_cb.erl — the gen_statem callback module of otp_gen (its
%% states are otp_gen's functions); main/0 runs the lock on its own.
-module(otp_gen_statem_cb).
-behaviour(gen_statem).
-export([main/0, init/1, callback_mode/0, locked/3, open/3]).

main() ->
    {ok, L} = gen_statem:start_link(?MODULE, [], []),
    Rs = [gen_statem:call(L, E) || E <- [state, {button, 7}, {button, 42}, state, {button, 1}]],
    io:format("~p~n", [Rs]),
    ok = gen_statem:stop(L),
    io:format("alive after stop: ~p~n", [is_process_alive(L)]).

init([]) -> {ok, locked, #{}}.
callback_mode() -> otp_gen:callback_mode().
locked(T, E, D) -> otp_gen:locked(T, E, D).
open(T, E, D) -> otp_gen:open(T, E, D).
