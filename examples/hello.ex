# hello.ex — Elixir runs unmodified on girder: Enum, maps, IO, String.
defmodule Hello do
  def start do
    IO.puts("Hello from Elixir")
    IO.inspect(Enum.map(1..5, fn x -> x * x end))
    IO.inspect(%{a: 1, b: [1, 2]})
    IO.puts(String.upcase("done"))
  end
end
